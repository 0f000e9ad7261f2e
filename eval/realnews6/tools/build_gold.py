#!/usr/bin/env python3
"""Hand-written gold annotations for realnews6 (written from the article text alone).

Running this script checks that every quote and figure `text` is an exact substring of its
article and that every location name (or one alias) occurs in the article, then writes gold/*.json.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def Q(speaker, aliases, kind, text):
    return {"speaker": speaker, "aliases": aliases, "kind": kind, "text": text}


def F(value, category, qualifier, unit, source, text):
    return {"value": value, "category": category, "qualifier": qualifier, "unit": unit,
            "source": source, "text": text}


def L(name, aliases=(), lat=None, lon=None, dual=False):
    d = {"name": name, "aliases": list(aliases)}
    if dual:
        d["dual"] = True
    if lat is not None:
        d["lat"], d["lon"] = lat, lon
    return d


GOLD = {}

# ---------------------------------------------------------------- Cambodia / Thailand 2009
KANHARITH = ["Kanharith", "government spokesman Khieu Kanharith", "Khieu Kanharith"]
SAREOUN = ["Pol Sareoun", "Gen. Pol Sareoun", "Sareoun",
           "Royal Cambodian Armed Forces commander Gen. Pol Sareoun"]
CHHORN = ["Chhorn", "Cambodian infantryman Chan Chhorn"]
MILOFF = ["military officials"]
GOLD["cambodia-thailand-preah-vihear-2009"] = {
    "published": "2009-04-03",
    "quotes": [
        Q("Cambodian military sources", ["military sources"], "indirect",
          "at least two more Thai soldiers were killed in afternoon battles"),
        Q("Khieu Kanharith", KANHARITH, "indirect",
          "Ten Thai soldiers were being held as a result of the fighting"),
        Q("Khieu Kanharith", KANHARITH, "indirect",
          "no Cambodians were injured or killed"),
        Q("Pol Sareoun", SAREOUN, "indirect",
          "two Cambodians had been killed, in fighting started by the Thais"),
        Q("military officials in Phnom Penh and on the border", MILOFF, "indirect",
          "Around 7:15 am, five Thai soldiers entered Veal Entry, or Eagle Field, encountering a forest encampment of Cambodian soldiers, who ordered them to turn back"),
        Q("Chan Chhorn", CHHORN, "indirect", "the Thais had fired first"),
        Q("Thai military spokesman", ["a Thai military spokesman"], "mixed",
          "the fighting was sparked by an \u201cintrusion\u201d of Cambodian troops on Thai soil"),
        Q("Phay Siphan", ["Siphan", "Council of Ministers spokesman Phay Siphan"], "indirect",
          "By 1:30 pm, the fighting had spread to three other sites\u2014Phnom Trap, an area known as \u201cBeehive,\u201d and Krom market, near Preah Vihear temple"),
        Q("Chan Chhorn", CHHORN, "indirect",
          "A civilian market area burned and portions of Preah Vihear temple were damaged by rocket and machine gunfire Friday afternoon"),
        Q("military officials in Phnom Penh and on the border", MILOFF, "indirect",
          "The fighting had stopped by Friday evening"),
    ],
    "figures": [
        F(2, "killed", "exact", "Thai soldiers", "Thai Embassy", "Two Thai deaths"),
        F(6, "injured", "exact", "Thai soldiers", "Thai Embassy", "six injuries"),
        F(2, "killed", "at_least", "Thai soldiers", "Cambodian military sources",
          "at least two more Thai soldiers were killed"),
        F(2, "killed", "exact", "Thai soldiers", "Thai Embassy", "the other two Thai fatalities"),
        F(10, "detained", "exact", "Thai soldiers", "Khieu Kanharith",
          "Ten Thai soldiers were being held"),
        F(2, "killed", "exact", "Cambodians", "Pol Sareoun", "two Cambodians had been killed"),
    ],
    "locations": [
        L("Preah Vihear", ["Preah Vihear temple", "Preah Vihear Temple"], 14.39, 104.68),
        L("Phnom Penh", [], 11.56, 104.92),
        L("Veal Entry", ["Eagle Field", "Veal Intry"], dual=True),
        L("Bangkok", [], 13.75, 100.50),
        L("Phnom Trap", []),
        L("Krom market", []),
    ],
    "optional_locations": ["Cambodia", "Thailand", "Beehive"],
}

# ---------------------------------------------------------------- Turkey / PKK 2015
SEC = ["Sources", "security sources", "Security sources"]
GOLD["turkey-pkk-cizre-2015"] = {
    "published": "2015-09-13",
    "quotes": [
        Q("Security sources in Turkey", SEC, "indirect",
          "at least three police officers were killed Sunday in two separate attacks in the southeastern part of the country"),
        Q("Security sources in Turkey", SEC, "indirect",
          "two police officers were killed in a car bomb attack near a police checkpoint outside the town of Sirnak"),
        Q("Some townspeople", ["townspeople", "Cizre townspeople"], "indirect",
          "up to 25 civilians, including women and children, were killed during the week-long fight"),
    ],
    "figures": [
        F(3, "killed", "exact", "police officers", None, "Three Turkish Police Killed"),
        F(3, "killed", "at_least", "police officers", "Security sources in Turkey",
          "at least three police officers were killed"),
        F(2, "killed", "exact", "police officers", "Security sources in Turkey",
          "two police officers were killed"),
        F(2, "killed", "exact", "militants", None, "killing two as they fled"),
        F(1, "killed", "exact", "police officer", None, "Another police officer was killed"),
        F(25, "killed", "up_to", "civilians", "Some townspeople", "up to 25 civilians"),
    ],
    "locations": [
        L("Turkey", ["T\u00fcrkiye"]),
        L("Sirnak", ["\u015e\u0131rnak"], 37.52, 42.46),
        L("Silvan", ["Silvan district"]),
        L("Diyarbakir", ["Diyarbakir province", "Diyarbak\u0131r"]),
        L("Cizre", [], 37.33, 42.19),
        L("Iraq", []),
        L("Syria", []),
    ],
    "optional_locations": ["Kurdistan"],
}

# ---------------------------------------------------------------- Georgia 2008
KHADURI = ["Khaduri", "Elene Khaduri"]
GOLD["georgia-gori-displaced-2008"] = {
    "published": "2008-10-17",
    "quotes": [
        Q("Elene Khaduri", KHADURI, "indirect",
          "a harrowing tale of having to flee with other older people"),
        Q("Elene Khaduri", KHADURI, "direct",
          "All the Georgian villages in the territory of South Ossetia were destroyed by fire. Then we had to escape. The older couple asked me to take them along and another 63 year old man came also. We were hiding and went through the forest and we slept in the forest,"),
        Q("Elene Khaduri", KHADURI, "indirect",
          "a journey through empty villages, fields and orchards - of taking back ways to avoid armed men along the roads"),
        Q("Elene Khaduri", KHADURI, "indirect",
          "they made it to the buffer zone, found shelter and were finally rescued by a young relative"),
        Q("Elene Khaduri", KHADURI, "direct",
          "On the 15th day, he rushed in, in a taxi. He took us through the villages and this is how we came here,"),
    ],
    "figures": [
        F(130000, "displaced", "more_than", "Georgians", None,
          "drove more than 130,000 Georgians from their homes"),
        F(170, "displaced", "about", "people in a shelter in Gori", None,
          "Some 170 people call it home"),
    ],
    "locations": [
        L("Georgia", []),
        L("Russia", []),
        L("Gori", [], 41.98, 44.11),
        L("Kurta", [], 42.27, 43.97),
        L("South Ossetia", ["Tskhinvali Region"]),
    ],
    "optional_locations": [],
}

# ---------------------------------------------------------------- Burundi 2003
GASH = ["Gashikanyi", "Mr. Gashikanyi", "Bonaventure Gashikanyi",
        "The chief of Burundi's cabinet, Bonaventure Gashikanyi", "chief of Burundi's cabinet"]
HAKI = ["Hakimana", "Mr. Hakimana", "Pasteur Hakimana",
        "A spokesman for the National Liberation Forces, Pasteur Hakimana", "The rebel spokesman",
        "rebel spokesman"]
GOLD["burundi-bujumbura-fnl-2003"] = {
    "published": "2003-07-09",
    "quotes": [
        Q("Burundi government", ["government", "the government", "Burundian government"], "indirect",
          "it has pushed the rebels away from the capital"),
        Q("National Liberation Forces", ["rebels", "the rebels", "FNL", "Burundi rebels"], "indirect",
          "they are still in the city and will continue to fight"),
        Q("Bonaventure Gashikanyi", GASH, "indirect",
          "government troops were using helicopter gunships to push back the rebels into the hills overlooking Bujumbura"),
        Q("Bonaventure Gashikanyi", GASH, "direct",
          "The situation is still now tense because there is some shelling from helicopters and the rebels are still fighting up hill,"),
        Q("Bonaventure Gashikanyi", GASH, "direct",
          "But for the moment the rebels have gone a bit backwards towards the hill."),
        Q("Bonaventure Gashikanyi", GASH, "indirect",
          "the rebels lobbed about 10 rocket-propelled grenades into parts of the capital on Wednesday"),
        Q("Bonaventure Gashikanyi", GASH, "indirect", "casualty figures were not known"),
        Q("other sources", ["sources"], "indirect",
          "13 more people were killed Wednesday, bringing the total death toll in three days of fighting to about 43"),
        Q("Bonaventure Gashikanyi", GASH, "indirect",
          "the Forces for the Defense of Democracy, the FDD, which signed the accord is also involved in the fighting"),
        Q("Bonaventure Gashikanyi", GASH, "direct",
          "We are convinced that they are doing this action together with FDD,"),
        Q("Bonaventure Gashikanyi", GASH, "direct",
          "FDD has already signed the cease fire but it looks like they really don't want to implement this accord."),
        Q("Pasteur Hakimana", HAKI, "indirect", "his group is being helped by the FDD"),
        Q("Pasteur Hakimana", HAKI, "indirect", "the two groups are not working together"),
        Q("Pasteur Hakimana", HAKI, "indirect", "his fighters have not been pushed out of Bujumbura"),
        Q("Pasteur Hakimana", HAKI, "indirect", "the fighting will continue"),
    ],
    "figures": [
        F(13, "killed", "exact", "people", "other sources", "13 more people were killed"),
        F(43, "killed", "about", "people", "other sources",
          "the total death toll in three days of fighting to about 43"),
    ],
    "locations": [
        L("Burundi", []),
        L("Bujumbura", [], -3.38, 29.36),
    ],
    "optional_locations": [],
}

# ---------------------------------------------------------------- Chad 2008
GOLD["chad-ndjamena-rebels-2008"] = {
    "published": "2008-02-03",
    "quotes": [
        Q("Chadian officials", ["Chadian authorities", "Chadian government"], "indirect",
          "government troops have stopped a rebellion aimed at ousting President Idriss Deby and have driven the rebels out of the capital, N'Djamena"),
        Q("Chadian authorities", ["Chadian officials", "Chadian government"], "indirect",
          "neighboring Sudan of backing the attack on the eastern city, Adre"),
        Q("Chadian rebels", ["rebels", "the rebels"], "indirect",
          "Darfurian rebels of trying to help Mr. Deby's forces in N'Djamena"),
        Q("Chadian rebels", ["rebels", "The more numerous, but less equipped rebels"], "indirect",
          "the government helicopters, flying high above, misfired and hit the main market and civilian areas rather than rebel targets"),
        Q("Residents", ["residents of N'Djamena"], "indirect",
          "there were dozens of dead bodies lying in the streets"),
        Q("Doctors without Borders", ["Doctors Without Borders", "MSF",
                                      "the aid agency Doctors without Borders", "Medecins Sans Frontieres"],
          "indirect", "hundreds of people, mostly civilians, had sustained bullet wounds"),
    ],
    "figures": [
        F(12, "killed", "vague", "dead bodies", "Residents", "dozens of dead bodies"),
        F(100, "injured", "vague", "people, mostly civilians", "Doctors without Borders",
          "hundreds of people, mostly civilians, had sustained bullet wounds"),
    ],
    "locations": [
        L("Chad", []),
        L("N'Djamena", ["Ndjamena", "N\u2019Djamena"], 12.11, 15.04),
        L("Sudan", []),
        L("Adre", ["Adr\u00e9"], 13.47, 22.20),
        L("France", []),
        L("Dakar", [], 14.69, -17.45),
    ],
    "optional_locations": ["Darfur"],
}

# ---------------------------------------------------------------- Nigeria / Niger Delta 2010
OFFOR = ["Offor", "Chinedu Offor"]
MEND = ["MEND", "Nigeria's main militant group", "Nigeria's main militant group MEND"]
GOLD["nigeria-niger-delta-mend-2010"] = {
    "published": "2010-06-11",
    "quotes": [
        Q("Movement for the Emancipation of the Niger Delta", MEND, "indirect",
          "six soldiers were killed during an oil facility attack in the Niger Delta"),
        Q("Chinedu Offor", OFFOR, "indirect",
          "the incident marks the first such attack since Goodluck Jonathan assumed the presidency"),
        Q("Chinedu Offor", OFFOR, "direct",
          "according to an official statement signed by a MEND leader, the fighting took place in Delta State in one of the creeks."),
        Q("Chinedu Offor", OFFOR, "indirect",
          "the fighting lasted for several hours when MEND militants were confronted by men of the joint military task force"),
        Q("Movement for the Emancipation of the Niger Delta", MEND, "indirect",
          "its forces retreated into the creeks without any injuries"),
        Q("Chinedu Offor", OFFOR, "direct",
          "According to military authorities, their job is to patrol the creeks and to prevent people from stealing oil. Authorities confronted boats carrying stolen oil and tried to intercept the boats when they came under heavy attack by MEND. Soldiers are disputing the number killed. They say while their men were injured, none were killed. MEND says the military is hiding their true casualty figures,"),
        Q("Chinedu Offor", OFFOR, "indirect",
          "this is the first time the militants have attacked since Goodluck Jonathan -- who also hails from the Niger Delta \u2013 assumed the presidency"),
        Q("Chinedu Offor", OFFOR, "direct",
          "President Jonathan is not in the country. He is in South Africa to watch the opening ceremony of the World Cup, but his officials in Nigeria say they are trying to accelerate development of increased stipends for the militants and well as trying to get them jobs to keep them off of the streets."),
    ],
    "figures": [
        F(6, "killed", "exact", "soldiers", "Movement for the Emancipation of the Niger Delta",
          "six soldiers were killed"),
        F(6, "killed", "exact", "soldiers", None, "Six soldiers were reportedly killed"),
        F(6, "killed", "about", "soldiers", "Chinedu Offor", "about six soldiers had been killed"),
    ],
    "locations": [
        L("Nigeria", []),
        L("Niger Delta", []),
        L("Niger state", ["Niger State"]),
        L("Delta State", ["Delta state"]),
        L("South Africa", []),
    ],
    "optional_locations": [],
}

# ---------------------------------------------------------------- Ivory Coast 2011
RES = ["Residents", "residents of Abidjan", "Residents in Ivory Coast's commercial capital"]
GOLD["ivory-coast-abidjan-2011"] = {
    "published": None,
    "quotes": [
        Q("Residents in Ivory Coast's commercial capital, Abidjan", RES, "indirect",
          "fighting between supporters of the country's two rival presidents has left at least four dead"),
        Q("Witnesses", ["witnesses"], "indirect",
          "a group of armed men opened fire on security forces at a road block Tuesday in a middle-class neighborhood of the city"),
        Q("Residents in Ivory Coast's commercial capital, Abidjan", RES, "indirect",
          "Gbagbo supporters have set up roadblocks all over town"),
    ],
    "figures": [
        F(4, "killed", "at_least", "people", "Residents in Ivory Coast's commercial capital, Abidjan",
          "at least four dead"),
    ],
    "locations": [
        L("Ivory Coast", ["C\u00f4te d'Ivoire", "Cote d'Ivoire", "C\u00f4te d\u2019Ivoire"]),
        L("Abidjan", [], 5.36, -4.01),
        L("Yopougon", [], 5.32, -4.07),
        L("Cocody", [], 5.35, -3.99),
    ],
    "optional_locations": ["African Union"],
}


def main():
    ok = True
    for name, g in GOLD.items():
        art = (ROOT / "articles" / f"{name}.txt").read_text(encoding="utf-8")
        for q in g["quotes"]:
            if q["text"] not in art:
                print(f"{name}: quote not in text: {q['text'][:60]}"); ok = False
        for f in g["figures"]:
            if f["text"] not in art:
                print(f"{name}: figure not in text: {f['text']}"); ok = False
        for l in g["locations"]:
            if not any(n in art for n in [l["name"], *l["aliases"]]):
                print(f"{name}: location not in text: {l['name']}"); ok = False
        out = {"article": f"{name}.txt", "published": g["published"], "quotes": g["quotes"],
               "figures": g["figures"], "locations": g["locations"],
               "optional_locations": g["optional_locations"]}
        (ROOT / "gold" / f"{name}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                                     encoding="utf-8")
    print("all checks passed" if ok else "CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
