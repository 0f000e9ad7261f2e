#!/usr/bin/env python3
"""Hand-written gold annotations for realnews5, as Python literals.

Running this checks that every quote and figure `text` is an exact substring of its
article and that every location name (or one alias) occurs in the article, then writes
gold/*.json.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def Q(speaker, aliases, kind, text):
    return {"speaker": speaker, "aliases": aliases, "kind": kind, "text": text}


def F(value, category, qualifier, unit, source, text):
    return {"value": value, "category": category, "qualifier": qualifier,
            "unit": unit, "source": source, "text": text}


def L(name, aliases=(), lat=None, lon=None, dual=False):
    d = {"name": name, "aliases": list(aliases)}
    if dual:
        d["dual"] = True
    if lat is not None:
        d["lat"], d["lon"] = lat, lon
    return d


GOLD = {}

# ---------------------------------------------------------------- Sri Lanka 2009
BAN = ["Ban", "Mr. Ban", "United Nations chief", "U.N. chief", "UN chief"]
PATH = ["Pathmanathan", "Selvarasa Pathmanathan",
        "The rebels' chief of international relations", "rebels' chief of international relations"]
GOLD["sri-lanka-prabhakaran-2009"] = {
    "published": "2009-05-24",
    "quotes": [
        Q("Sri Lanka's Tamil Tiger rebels",
          ["Tamil Tiger rebels", "Tamil Tigers", "Tigers", "Liberation Tigers of Tamil Eelam", "LTTE"],
          "indirect",
          "their supreme leader, Velupillai Prabhakaran, was killed in the group's final battle against government troops"),
        Q("Selvarasa Pathmanathan", PATH, "mixed",
          "Prabhakaran \"attained martyrdom fighting the Sri Lankan government.\""),
        Q("Selvarasa Pathmanathan", PATH, "indirect",
          "the rebel group had declared a week of mourning to mark Prabhakaran's death"),
        Q("Ban Ki-moon", BAN, "indirect",
          "the Sri Lankan government to give aid agencies unrestricted access to camps holding the internally displaced"),
        Q("Colombo government",
          ["Sri Lankan government", "Sri Lanka's government", "government of Sri Lanka", "Sri Lanka", "Colombo"],
          "indirect",
          "aid workers will not be allowed complete access until rebels hiding among the refugees are weeded out"),
        Q("Mahinda Rajapaksa", ["Rajapaksa", "President Mahinda Rajapaksa", "President Rajapaksa"], "mixed",
          "as conditions improve, especially security, \"there would be no objections to such assistance.\""),
        Q("Ban Ki-moon", BAN, "indirect",
          "work hard to ensure that refugees are resettled by the end of the year"),
        Q("Ban Ki-moon", BAN, "mixed",
          "unless Sri Lanka's government can reconcile with the country's Tamil minority, \"history could repeat itself.\""),
        Q("U.N. officials", ["UN officials", "United Nations officials"], "indirect",
          "more 7,000 civilians were killed and many more wounded during the final months of the war"),
        Q("United Nations", ["U.N.", "UN", "The U.N."], "indirect",
          "the civil war resulted in up to 100,000 deaths"),
    ],
    "figures": [
        F(1, "killed", "exact", "rebel leader", "Sri Lanka's Tamil Tiger rebels",
          "Velupillai Prabhakaran, was killed"),
        F(300000, "displaced", "exact", "people", None, "the 300,000 people displaced by the war"),
        F(7000, "killed", "more_than", "civilians", "U.N. officials", "more 7,000 civilians were killed"),
        F(100000, "killed", "up_to", "deaths", "United Nations", "up to 100,000 deaths"),
    ],
    "locations": [
        L("Sri Lanka", ["Democratic Socialist Republic of Sri Lanka", "Ceylon"]),
        L("Colombo", [], 6.93, 79.86),
    ],
    "optional_locations": ["United Nations", "U.N."],
}

# ---------------------------------------------------------------- Nepal 2004
GHIMRE = ["Ghimre", "Yuvraj Ghimre, editor of the weekly Samay news magazine"]
GOLD["nepal-birgunj-2004"] = {
    "published": "2004-07-05",
    "quotes": [
        Q("Nepalese officials", ["Officials", "Nepali officials"], "indirect",
          "a police van hit a landmine, then came under fire from suspected rebels in Birgunj district, about 200 kilometers south of the capital, Kathmandu"),
        Q("Nepalese authorities", ["Authorities", "Nepali authorities"], "indirect",
          "all the policemen and a civilian in the vehicle were killed"),
        Q("Maoist rebels", ["rebels", "The rebels", "suspected Maoist rebels", "Maoists", "The Maoists"], "indirect",
          "continue their eight-year struggle to oust the constitutional monarchy and replace it with a communist republic"),
        Q("Yuvraj Ghimre", GHIMRE, "indirect",
          "there is widespread concern about the spiraling attacks in the country"),
        Q("Yuvraj Ghimre", GHIMRE, "direct",
          "If the state of conflict is going to continue, then the country is definitely moving to a much deeper crisis,"),
        Q("Yuvraj Ghimre", GHIMRE, "direct",
          "But then, both sides are also under pressure inside the country, as well as from the international community to hold negotiations."),
        Q("India, the United States and the United Nations",
          ["India", "United States", "United Nations", "U.S.", "UN"], "indirect",
          "an end to the conflict"),
    ],
    "figures": [
        F(12, "killed", "exact", "police", None, "Rebels Kill 12 Police"),
        F(12, "killed", "exact", "policemen", None, "12 policemen"),
        F(1, "killed", "exact", "civilian", None, "12 policemen and a civilian have been killed"),
        F(1, "detained", "exact", "businessman", None,
          "the abduction of a businessman, believed kidnapped for ransom by the rebels"),
        F(10000, "killed", "about", "lives", None, "nearly 10,000 lives"),
    ],
    "locations": [
        L("Nepal", ["Federal Democratic Republic of Nepal"]),
        L("Birgunj", ["Birgunj district", "Birganj"], 27.01, 84.88),
        L("Kathmandu", ["Katmandu"], 27.72, 85.32),
        L("India", ["Republic of India"]),
        L("United States", ["US", "U.S.", "USA", "United States of America"]),
    ],
    "optional_locations": ["United Nations"],
}

# ---------------------------------------------------------------- Chechnya 2000
MASK = ["Maskhadov", "Mr. Maskhadov", "Chechen leader Aslan Maskhadov", "Chechnya's president",
        "the former Soviet army colonel turned political leader"]
GOLD["chechnya-grozny-2000"] = {
    "published": "2000-02-07",
    "quotes": [
        Q("Russian officials", ["Russian government officials"], "indirect",
          "federal troops have killed hundreds of rebel fighters trying to flee to the mountains of southern Chechnya as government forces consolidate control of the capital, Grozny"),
        Q("Aslan Maskhadov", MASK, "indirect",
          "to eventually retake the ruined capital"),
        Q("Aslan Maskhadov", MASK, "indirect",
          "rebel fighters have temporarily given up Grozny, but would be back"),
        Q("Aslan Maskhadov", MASK, "indirect",
          "his troops were entering what he called - the phase of guerrilla war"),
        Q("Aslan Maskhadov", MASK, "indirect",
          "Chechen fighters suffered casualties during the withdrawal from Grozny when one of two groups ran into a minefield"),
        Q("Aslan Maskhadov", MASK, "indirect",
          "most of the fighters had made it safely to Chechnya's mountainous south, which is still under rebel control"),
        Q("Vladimir Putin", ["Putin", "Acting President Vladimir Putin"], "indirect",
          "the city had been taken"),
        Q("News reports", ["news reports", "reports"], "indirect",
          "battles in which hundreds of Chechen fighters were killed during the past couple days"),
        Q("A correspondent for the privately-owned N-T-V television channel",
          ["N-T-V correspondent", "NTV correspondent", "correspondent for the privately-owned N-T-V television channel",
           "N-T-V", "NTV"], "indirect",
          "147 Chechen bodies were found on a battlefield southwest of the capital, and local residents buried the bodies of 160 others"),
    ],
    "figures": [
        F(100, "killed", "vague", "rebel fighters", "Russian officials", "killed hundreds of rebel fighters"),
        F(100, "killed", "vague", "Chechen fighters", "News reports",
          "hundreds of Chechen fighters were killed"),
        F(147, "killed", "exact", "Chechen bodies", "A correspondent for the privately-owned N-T-V television channel",
          "147 Chechen bodies"),
        F(160, "killed", "exact", "bodies", "A correspondent for the privately-owned N-T-V television channel",
          "the bodies of 160 others"),
    ],
    "locations": [
        L("Chechnya", ["Chechen Republic", "Chechnya Republic", "Ichkeria"]),
        L("Grozny", ["Groznyy", "Grozny city"], 43.32, 45.69),
        L("Moscow", [], 55.76, 37.62),
    ],
    "optional_locations": ["southern Chechnya", "Chechnya's mountainous south", "Russia",
                           "Russian Federation", "Soviet Union", "USSR", "Spain"],
}

# ---------------------------------------------------------------- Thailand 2013
GOLD["thailand-yala-2013"] = {
    "published": "2013-06-29",
    "quotes": [
        Q("Military officials in southern Thailand", ["military officials", "Thai military officials"], "indirect",
          "eight soldiers have been killed in a roadside bombing"),
        Q("Thai authorities", ["Authorities", "authorities in southern Thailand"], "indirect",
          "two soldiers and two civilians were wounded in the blast Saturday morning in the Muslim-majority Yala province"),
        Q("A military spokesman", ["military spokesman", "Thai military spokesman"], "indirect",
          "the soldiers were returning home in a truck after finishing a patrol when a bomb destroyed the vehicle, killing the eight soldiers instantly"),
    ],
    "figures": [
        F(8, "killed", "exact", "soldiers", None, "Bomb Kills 8"),
        F(4, "injured", "exact", "people", None, "Wounds 4"),
        F(8, "killed", "exact", "soldiers", "Military officials in southern Thailand",
          "eight soldiers have been killed"),
        F(2, "injured", "exact", "soldiers", "Thai authorities", "two soldiers and two civilians were wounded"),
        F(2, "injured", "exact", "civilians", "Thai authorities", "two civilians were wounded"),
        F(8, "killed", "exact", "soldiers", "A military spokesman", "killing the eight soldiers instantly"),
        F(5000, "killed", "more_than", "people", None, "more than 5,000 people dead"),
    ],
    "locations": [
        L("Thailand", ["Kingdom of Thailand", "Siam"]),
        L("Yala", ["Yala province", "Yala Province"]),
        L("Pattani", ["Pattani province", "Patani"]),
        L("Narathiwat", ["Narathiwat province"]),
        L("Malaysia", []),
    ],
    "optional_locations": ["southern Thailand"],
}

# ---------------------------------------------------------------- Colombia 2020
DUQUE = ["Duque", "President Ivan Duque", "Colombia’s President Ivan Duque", "Iván Duque"]
GOLD["colombia-cauca-narino-2020"] = {
    "published": "2020-08-22",
    "quotes": [
        Q("Officials and local media", ["local media", "Colombian officials"], "indirect",
          "the attacks occurred within 24 hours in three Colombian provinces"),
        Q("Ivan Duque", DUQUE, "direct",
          "The rejection of violence is because it mainly hurts the young people of Colombia,"),
        Q("Ivan Duque", DUQUE, "direct",
          "It hurts that in recent years we have seen that the main victims of violence are youth. It hurts that in many communities these armed groups have always tried to recruit children."),
    ],
    "figures": [
        F(17, "killed", "at_least", "people", None, "Kill at Least 17"),
        F(17, "killed", "at_least", "people", None, "At least 17 people were killed"),
        F(12, "killed", "exact", "people", None, "claimed the life of 12 people"),
        F(6, "killed", "exact", "people", None, "six in each"),
        F(5, "killed", "exact", "people", None, "left five people dead"),
        F(8, "killed", "exact", "people", None, "eight people were killed"),
        F(5, "killed", "exact", "people", None, "Five other people were killed"),
        F(260000, "killed", "more_than", "people", None, "More than 260,000 people have been killed"),
    ],
    "locations": [
        L("Colombia", ["Republic of Colombia"]),
        L("Cauca", ["Cauca department", "Cauca province"]),
        L("Narino", ["Nariño", "Narino department", "Nariño department"]),
        L("Arauca", ["Arauca department", "Arauca province"]),
        L("Cali", ["Santiago de Cali"], 3.45, -76.53),
    ],
    "optional_locations": [],
}

# ---------------------------------------------------------------- Ethiopia 2024
OCHA = ["OCHA", "UN OCHA", "U.N. OCHA", "Office for the Coordination of Humanitarian Affairs",
        "U.N. Office for the Coordination of Humanitarian Affairs, or OCHA, in Ethiopia",
        "OCHA statement", "the OCHA statement", "UN Office for the Coordination of Humanitarian Affairs"]
ALAK = ["Alakbarov", "Ramiz Alakbarov, the U.N. humanitarian coordinator in Ethiopia",
        "U.N. humanitarian coordinator in Ethiopia", "UN humanitarian coordinator"]
GOLD["ethiopia-amhara-2024"] = {
    "published": "2024-08-14",
    "quotes": [
        Q("UN", ["U.N.", "United Nations", "OCHA", "U.N. Office for the Coordination of Humanitarian Affairs"],
          "indirect", "abducted Ethiopian aid worker killed"),
        Q("aid groups", ["Aid groups", "aid organizations"], "indirect",
          "An Ethiopian humanitarian worker who was abducted has been killed in the volatile Amhara region"),
        Q("U.N. Office for the Coordination of Humanitarian Affairs", OCHA, "indirect",
          "Yared Melese was kidnapped for ransom and later killed by an unidentified criminal group operating in Dawunt Woreda of the North Wello Zone in Amhara"),
        Q("U.N. Office for the Coordination of Humanitarian Affairs", OCHA, "indirect",
          "Melese, a nutrition officer with the Action for Social Development and Environmental Protection Organization, was kidnapped on July 22, while his death was confirmed on August 9"),
        Q("Ramiz Alakbarov", ALAK, "direct",
          "We condemn in the strongest terms the kidnapping for ransom and subsequent killing of our colleague, Mr. Yared Melese, by criminals, whilst he was serving in the line of duty,"),
        Q("Ramiz Alakbarov", ALAK, "direct",
          "Yared was a brave and dedicated humanitarian worker who was ready to assist civilians in need under extremely challenging circumstances. Any attack, threat, looting or extortion demands are unacceptable breaches of our Code of Conduct,"),
        Q("U.N. Office for the Coordination of Humanitarian Affairs", OCHA, "indirect",
          "Melese is the eighth humanitarian worker killed in Ethiopia so far in 2024, six of them in Amhara"),
        Q("U.N. Office for the Coordination of Humanitarian Affairs", OCHA, "indirect",
          "an additional 14 aid workers have been kidnapped"),
        Q("Ethiopian Civil Society Organizations Council",
          ["Civil Society Organizations Council", "the local Ethiopian Civil Society Organizations Council",
           "Ethiopian Civil Society Organizations Council (ECSOC)"], "mixed",
          "it has received multiple reports of a \"surge in attacks targeting humanitarian workers in the Amhara, Oromia and other regions.\""),
    ],
    "figures": [
        F(1, "killed", "exact", "aid worker", "UN", "abducted Ethiopian aid worker killed"),
        F(1, "killed", "exact", "humanitarian worker", "aid groups",
          "An Ethiopian humanitarian worker who was abducted has been killed"),
        F(1, "detained", "exact", "humanitarian worker", "U.N. Office for the Coordination of Humanitarian Affairs",
          "Yared Melese was kidnapped for ransom"),
        F(8, "killed", "exact", "humanitarian workers", "U.N. Office for the Coordination of Humanitarian Affairs",
          "the eighth humanitarian worker killed in Ethiopia so far in 2024"),
        F(6, "killed", "exact", "humanitarian workers", "U.N. Office for the Coordination of Humanitarian Affairs",
          "six of them in Amhara"),
        F(14, "detained", "exact", "aid workers", "U.N. Office for the Coordination of Humanitarian Affairs",
          "an additional 14 aid workers have been kidnapped"),
    ],
    "locations": [
        L("Ethiopia", ["Federal Democratic Republic of Ethiopia"]),
        L("Amhara", ["Amhara region", "Amhara Region"]),
        L("Dawunt Woreda", ["Dawunt", "Dawunt district"]),
        L("North Wello Zone", ["North Wello", "North Wollo", "North Wollo Zone", "Semien Wollo"]),
        L("Oromia", ["Oromia region", "Oromiya"]),
    ],
    "optional_locations": [],
}

# ---------------------------------------------------------------- Myanmar (Rakhine) 2015
CAMP = ["One of the people caught in the camp, who did not want to be named", "refugee in the camp",
        "person caught in the camp"]
RESIDENT = ["local resident", "A local resident"]
NYO = ["Colonel Nyo Tun Aung", "Nyo Tun Aung, deputy commander in chief of the Arakan Army",
       "deputy commander in chief of the Arakan Army"]
GOLD["myanmar-rakhine-2015"] = {
    "published": None,
    "quotes": [
        Q("Refugees From Ruined Village", ["Refugees", "refugees from Aung Lan Chuang"], "indirect",
          "Myanmar Army Trapped Them"),
        Q("One of the people caught in the camp", CAMP, "indirect",
          "access to the camp, which is inside Sabaseit village, had been restricted since Tuesday"),
        Q("One of the people caught in the camp", CAMP, "direct",
          "They say they have restricted entry and exit [of the refugee camp],"),
        Q("One of the people caught in the camp", CAMP, "direct",
          "For the time being, the problems the villagers are facing include the lack of access to food, fish paste and salt. They say, 'We cannot get out, and we cannot go to the market, either.'"),
        Q("A local resident who tried to help the refugees", RESIDENT, "indirect",
          "the restricted access was creating some problems"),
        Q("A local resident who tried to help the refugees", RESIDENT, "direct",
          "They do not have anything to eat anymore,"),
        Q("A local resident who tried to help the refugees", RESIDENT, "direct",
          "They asked for help by saying that they just have rice and water to eat."),
        Q("Reports", ["reports"], "indirect",
          "the restrictions are expected to be in place for five days a week"),
        Q("Rebels", ["Arakan Army", "Arakan Army rebels", "rebels"], "indirect",
          "the refugees came from Aung Lan Chuang, which was burned down because the military suspected the villagers of harboring rebel fighters"),
        Q("Nyo Tun Aung", NYO, "indirect",
          "the government for targeting civilians instead of rebel fighters"),
        Q("Nyo Tun Aung", NYO, "direct",
          "What we can see is that, as usual, the government is destroying one thing because they cannot handle other problems,"),
    ],
    "figures": [
        F(400, "displaced", "exact", "people", None,
          "400 people suspected of harboring rebels have had their village burned"),
        F(1, "destroyed", "exact", "village", "Rebels", "Aung Lan Chuang, which was burned down"),
    ],
    "locations": [
        L("Myanmar", ["Burma", "Republic of the Union of Myanmar"]),
        L("Rakhine", ["Rakhine state", "Rakhine State", "Arakan"]),
        L("Sabaseit", ["Sabaseit village"]),
        L("Aung Lan Chuang", ["Aung Lan Chaung"]),
    ],
    "optional_locations": ["western Rakhine state"],
}


def main() -> int:
    errors = 0
    for name, g in GOLD.items():
        art = ROOT / "articles" / f"{name}.txt"
        text = art.read_text(encoding="utf-8")
        for q in g["quotes"]:
            if q["text"] not in text:
                print(f"{name}: quote not in text: {q['text'][:70]}"); errors += 1
            assert q["kind"] in {"direct", "indirect", "mixed"}
        for f in g["figures"]:
            if f["text"] not in text:
                print(f"{name}: figure not in text: {f['text']}"); errors += 1
        for loc in g["locations"]:
            if not any(n in text for n in [loc["name"], *loc["aliases"]]):
                print(f"{name}: location not in text: {loc['name']}"); errors += 1
        out = {"article": f"{name}.txt", "published": g["published"], "quotes": g["quotes"],
               "figures": g["figures"], "locations": g["locations"],
               "optional_locations": g["optional_locations"]}
        (ROOT / "gold" / f"{name}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
    print("errors:", errors)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
