"""Place rules on made-up sentences about real places (the gazetteer is real data)."""
import pytest


def names(loc):
    return {loc["name"], *loc["aliases"]}


def place(out, name):
    """The location an extraction gives under this name (StopIteration if there is none)."""
    return next(l for l in out["locations"] if l["name"] == name)


@pytest.mark.parametrize("text, together", [
    ("Shelling hit Kyiv, formerly Kiev, overnight, a spokeswoman for Mira Tolvanen's group said.", {"Kyiv", "Kiev"}),
    ("Fighters regrouped near Artemivsk, now Bakhmut, after a week of fighting.", {"Artemivsk", "Bakhmut"}),
    ("Aid reached Derry (Londonderry) on Friday, organisers said.", {"Derry", "Londonderry"}),
    ("Convoys gathered in Lachin, known as Berdzor by Armenians, at dawn.", {"Lachin", "Berdzor"}),
])
def test_dual_names_link_into_one_place(run, text, together):
    out = run(text)
    assert any(names(loc) >= together for loc in out["locations"]), [names(l) for l in out["locations"]]


def test_who_uses_which_name(run):
    out = run("Refugees gathered in Stepanakert, called Khankendi by Azerbaijan, on Monday.")
    loc = next(l for l in out["locations"] if "Khankendi" in names(l))
    assert loc["name_users"].get("Khankendi") == "Azerbaijan"
    assert abs(loc["lat"] - 39.8) < 0.5 and abs(loc["lon"] - 46.75) < 0.5


def test_context_picks_the_right_namesake(run):
    out = run("British troops moved from Colchester to Manchester before flying to London, the Ministry of Defence said.")
    places = {l["name"]: l for l in out["locations"]}
    assert places["Manchester"]["country"] == "GB"
    assert places["Colchester"]["country"] == "GB"


def test_people_and_bodies_are_not_places(run):
    out = run("His daughter Olivia spoke to NATO officials. Wilson said the UN would help. "
              "The Arab Spring changed the region.")
    assert not {"Olivia", "NATO", "Wilson", "UN", "Spring"} & {l["name"] for l in out["locations"]}


def test_mislabelled_places_are_recovered_and_relabelled(run):
    out = run("Loud shelling was heard in Stepanakert and Khan Younis on Tuesday.")
    found = {l["name"] for l in out["locations"]}
    assert {"Stepanakert", "Khan Younis"} <= found
    assert all(e["label"] in {"GPE", "LOC"} for e in out["entities"] if e["text"] in found)


def test_countries_regions_and_states(run):
    out = run("Fighting spread from Nagorno-Karabakh to the Donbas; Georgia's governor in Atlanta said "
              "California and Texas would send aid. The Congo talks in Goma and Kinshasa stalled.")
    kinds = {l["name"]: (l["kind"], l["country"]) for l in out["locations"]}
    assert kinds["Georgia"] == ("state", "US")
    assert kinds["Congo"][1] == "CD"
    assert kinds["Nagorno-Karabakh"][0] in {"region", "disputed_territory"}


def test_unknown_places_are_kept_without_coordinates(run):
    out = run("Rebels attacked Qarsel-Ummat, a village in Harrowgate province, residents said.")
    locs = {l["name"]: l for l in out["locations"]}
    assert locs["Harrowgate province"]["lat"] is None and locs["Harrowgate province"]["kind"] == "unresolved"


def test_geojson_features_only_for_placed_locations():
    from conflictx.render.geojson import features

    rec = {"source": {"path": "x"}, "locations": [
        {"name": "A", "aliases": [], "kind": "city", "country": "UA", "lat": 50.4, "lon": 30.5, "geonameid": 1, "mentions": [{}]},
        {"name": "B", "aliases": [], "kind": "unresolved", "country": None, "lat": None, "lon": None, "geonameid": None, "mentions": []}]}
    feats = features(rec)
    assert len(feats) == 1 and feats[0]["geometry"]["coordinates"] == [30.5, 50.4]


def test_unknown_place_inherits_a_settlement_named_near_it(nlp):
    from conflictx.gazetteer import Place
    from conflictx.places import UNRESOLVED, _host_settlement

    doc = nlp("Arvel burned. Then Qarsel Street. Then Dunmoor. Rain fell. Rain fell. Rain fell. Then Brisk Lane.")
    toks = {t.text: t.i for t in doc}
    a = Place("Arvel", "city", "XX", 10.0, 20.0)
    d = Place("Dunmoor", "city", "YY", 30.0, 40.0)
    street = doc[toks["Qarsel"]:toks["Qarsel"] + 2]
    lane = doc[toks["Brisk"]:toks["Brisk"] + 2]
    resolved = [(doc[0:1], a), (street, UNRESOLVED), (doc[toks["Dunmoor"]:toks["Dunmoor"] + 1], d),
                (lane, UNRESOLVED)]
    assert _host_settlement(doc, street.start, resolved) is a          # the settlement named before
    assert _host_settlement(doc, street.start, resolved[1:]) is d      # else the first one after
    assert _host_settlement(doc, street.start, [(street, UNRESOLVED)]) is None
    assert _host_settlement(doc, lane.start, resolved) is None         # sentences away: no guess


def test_namesakes_resolve_near_the_other_places(run):
    out = run("Troops pulled back from Kupiansk towards Petropavlivka and Kharkiv, officials said.")
    loc = place(out, "Petropavlivka")
    assert abs(loc["lat"] - 49.7) < 1.0 and abs(loc["lon"] - 37.7) < 1.0


def test_wire_dateline_is_a_place(run):
    out = run("KHARTOUM, March 3 (Wire) - Shelling resumed on Tuesday, residents said.")
    loc = place(out, "KHARTOUM")
    assert loc["country"] == "SD" and abs(loc["lat"] - 15.6) < 0.5


def test_place_heading_an_organisation_name(run):
    out = run("Officers from the Seattle Fire Department and the Georgia National Guard arrived, Tomas Brill said.")
    found = {l["name"]: l for l in out["locations"]}
    assert found["Seattle"]["country"] == "US"
    assert found["Georgia"]["kind"] == "state"


@pytest.mark.parametrize("text, not_place", [
    ("Tensions grew between Moscow and the West after the vote, Ana Pirel said.", "West"),
    ("The White House briefed Congress late on Friday about the delayed arms package.", "Congress"),
    ("Years after the Arab Spring, protests still flare in the Gulf, Lio Varga said.", "Spring"),
    ("His brother Tyler Brennick was arrested; Tyler was later released in Dallas.", "Tyler"),
    ("The minister's son Leo Marrant attended the parade in Lagos.", "Leo"),
])
def test_words_and_names_that_are_small_towns_somewhere_are_not_places(run, text, not_place):
    out = run(text)
    assert not_place not in {n for l in out["locations"] for n in names(l)}, [names(l) for l in out["locations"]]


def test_a_street_keeps_its_street_word(run):
    out = run("Officers found the car near the 1200 block of West Alder Street in Milwaukee on Sunday.")
    assert "West Alder Street" in {l["name"] for l in out["locations"]}


@pytest.mark.parametrize("text, name, lat, lon", [
    ("Flooding hit Columbus, Georgia, on Monday, Hale Virtanen said.", "Columbus", 32.46, -84.99),
    ("A tornado struck Paris, Texas, overnight.", "Paris", 33.66, -95.56),
])
def test_the_area_written_after_a_town_picks_the_namesake(run, text, name, lat, lon):
    out = run(text)
    loc = place(out, name)
    assert abs(loc["lat"] - lat) < 0.5 and abs(loc["lon"] - lon) < 0.5, (loc["lat"], loc["lon"])


def test_a_region_is_no_anchor_for_namesakes(run):
    out = run("Sgt Pell Ostrander served in the Middle East and was born in Manchester, the Ministry of Defence said.")
    loc = place(out, "Manchester")
    assert loc["country"] == "GB"


def test_a_list_of_cities_is_not_town_and_state(run):
    out = run("Envoy Mara Quist toured Seattle, New York and Denver during the week.")
    loc = place(out, "New York")
    assert loc["kind"] == "city" and abs(loc["lat"] - 40.7) < 0.3


def test_a_name_with_a_lower_case_area_word_is_the_area(run):
    out = run("Shelling killed two people in the Kharkiv region, while Kharkiv city was calm, Ana Brill said.")
    kinds = {(l["name"], l["kind"]) for l in out["locations"]}
    region = next(l for l in out["locations"] if l["kind"] == "province")
    assert region["name"] == "Kharkiv" and "Kharkiv region" in region["aliases"]
    assert ("Kharkiv", "city") in kinds


def test_arabic_article_prefix_in_gazetteer_names(run):
    out = run("A drone struck a car in Qamishli on Tuesday, the Vessa police said.")
    loc = place(out, "Qamishli")
    assert loc["country"] == "SY" and abs(loc["lat"] - 37.05) < 0.3


def test_gaza_alone_is_the_strip(run):
    out = run("Strikes on Gaza killed 12 people, and Gaza City lost power, medics said.")
    kinds = {l["name"]: l["kind"] for l in out["locations"]}
    assert kinds["Gaza"] == "region" and kinds["Gaza City"] == "city"


def test_unknown_village_named_as_a_village_is_kept(run):
    out = run("Helicopters struck the village of Oskavodo, close to Brennamuru, killing several people, rebels said.")
    names = {l["name"]: l for l in out["locations"]}
    assert {"Oskavodo", "Brennamuru"} <= set(names)
    assert names["Oskavodo"]["kind"] == "unresolved"


def test_who_uses_a_name_skips_the_article(run):
    out = run("Fighting hit the northern town of Harwell, known as Arrakhet by the rebels, on Monday.")
    loc = next(l for l in out["locations"] if "Arrakhet" in names(l))
    assert loc["name_users"].get("Arrakhet") == "rebels"


def test_unknown_town_with_a_second_known_name(run):
    out = run("Refugees walked from Axum to Shire, known as Inda Selassie, over two days, aid workers said.")
    loc = next(l for l in out["locations"] if "Inda Selassie" in names(l))
    assert loc["name"] == "Shire" and loc["country"] == "ET"
    assert "Inda Selassie" not in names(place(out, "Axum"))


def test_unknown_name_before_rebels_is_a_people(run):
    out = run("Secular Varuk rebels said they had seized the town of Kidal.")
    assert "Varuk" not in {n for l in out["locations"] for n in names(l)}


def test_lower_case_arabic_article_prefix(run):
    out = run("Heavy weapons were moved to the al-Tanf area, an official said.")
    assert any("al-Tanf" in names(l) for l in out["locations"]), [names(l) for l in out["locations"]]


def test_weekday_after_an_untagged_city(run):
    out = run("Army spokesman Ilya Brandt told reporters in Kyiv Monday that forces were advancing.")
    assert "Kyiv" in {l["name"] for l in out["locations"]}


def test_small_namesake_abroad_is_left_unplaced(run):
    out = run("Shelling hit the town of Adra, north-east of Damascus, overnight, monitors said.")
    loc = place(out, "Adra")
    assert loc["country"] != "ES"


@pytest.mark.parametrize("text, word", [
    ("Gunmen believed to be militants have killed dozens of people in Bardu, officials said.", "Gunmen"),
    ("Velmora Urges Residents to Leave as Army Advances on Rebels in North", "Rebels"),
    ("The mountainous Thai-Cambodian border has long sheltered guerrillas, Ilse Kemp said.", "Thai-Cambodian"),
])
def test_capitalised_common_words_and_demonym_pairs_are_not_places(run, text, word):
    out = run(text)
    assert word not in {n for l in out["locations"] for n in names(l)}


def test_direction_words_are_no_places_alone(run):
    """"Central" alone is no place; "Southern Gaza" is a part of Gaza, placed there."""
    out = run("Velmora Jets Strike Targets in Central, Southern Gaza\n\nResidents reported explosions near Deir al-Balah overnight.")
    assert not any(l["name"] == "Central" for l in out["locations"]), out["locations"]
    out = run("Police said the attack happened in Southern Gaza on Monday.")
    south = place(out, "Southern Gaza")
    assert south["country"] == "PS" and abs(south["lat"] - 31.4) < 0.3 and abs(south["lon"] - 34.4) < 0.3


@pytest.mark.parametrize("text", [
    "In Lebanon, gunmen loyal to Hezbollah and Amal blocked several roads for hours.",
    "Myanmar's army said it had shelled positions held by the Wa National Army overnight.",
    "Fighting in Sudan went on. Alex Dorn, director of the Peace Foundation at Tufts University, said so.",
])
def test_bodies_named_like_towns_abroad_are_not_places(run, text):
    out = run(text)
    assert len(out["locations"]) == 1, [l["name"] for l in out["locations"]]


def test_arabic_particles_stay_inside_a_name(run):
    out = run("Gunmen stormed Wad al-Kessel village before dawn, burning dozens of homes, witnesses said.")
    assert [l["name"] for l in out["locations"]] == ["Wad al-Kessel"]


def test_region_with_and_without_its_suffix_is_one_place(run):
    out = run("A nurse was shot dead in the restive Oromia region on Tuesday, her employer said. "
              "Her abductors had held her near the East Wellega Zone in Oromia.")
    assert [l["name"] for l in out["locations"]].count("Oromia") == 1, out["locations"]


def test_names_listed_with_a_town_are_towns_of_that_country(run):
    out = run("Nigeria's army says the north-eastern states - "
              "Borno, Yobe and Adamawa - remain the hardest hit by the insurgency.")
    got = {l["name"]: l["country"] for l in out["locations"]}
    assert got.get("Borno") == "NG" and got.get("Yobe") == "NG", got


def test_particles_only_join_hyphenated_names(run):
    out = run("Fighting went on in Kidal as Government forces advanced.")
    assert [l["name"] for l in out["locations"]] == ["Kidal"], out["locations"]


@pytest.mark.parametrize("text, one, apart", [
    ("Troops shelled Artemivsk, or Bakhmut, on Wednesday night.", {"Artemivsk", "Bakhmut"}, None),
    ("Refugees fled to Kyiv, or Lviv.", None, {"Kyiv", "Lviv"}),
    ("Troops shelled Aleppo, Homs, or Hama on Tuesday.", None, {"Aleppo", "Homs", "Hama"}),
])
def test_or_gives_a_second_name_only_for_one_place(run, text, one, apart):
    out = run(text)
    if one:
        assert any(names(l) >= one for l in out["locations"]), out["locations"]
    if apart:
        assert {l["name"] for l in out["locations"]} >= apart and all(len(names(l) & apart) <= 1 for l in out["locations"])


@pytest.mark.parametrize("text, town, country", [
    ("Two soldiers were wounded in the Kirikhan district of Hatay province in Turkey.", "Kirikhan", "TR"),
    ("Rebels claimed the raid on the northern town, Abeche, on Friday.", "Abeche", "TD"),
])
def test_town_named_by_its_district_or_apposition(run, text, town, country):
    assert place(run(text), town)["country"] == country


def test_division_named_like_a_country_is_not_the_country(run):
    out = run("Gunmen attacked a police post in Niger state in northern Nigeria on Sunday.")
    niger = next(l for l in out["locations"] if l["name"] == "Niger")
    assert niger["kind"] == "province" and "Niger state" in niger["aliases"] and niger["country"] != "NE"


def test_unknown_place_lies_in_the_place_it_is_said_to_be_in(run):
    out = run("Fighters entered the Velmor district of Kandahar province on Monday. Officials in Kabul said so.")
    velmor = place(out, "Velmor")
    assert velmor["kind"] == "unresolved" and abs(velmor["lat"] - 31) < 1.5 and abs(velmor["lon"] - 65.7) < 1.5


def test_landform_word_after_a_place_is_kept_as_an_alias(run):
    out = run("Rebels retreated into the Panjshir valley, the army said on Friday.")
    assert any("Panjshir valley" in l["aliases"] for l in out["locations"]), out["locations"]


def test_towns_listed_after_a_dash(run):
    out = run("Fresh raids were reported on Friday in two towns of Borno state -- Gwoza and Bama.")
    got = {l["name"]: l["country"] for l in out["locations"]}
    assert got.get("Gwoza") == "NG" and got.get("Bama") == "NG", got


def test_area_names_holding_and_stay_whole(run):
    out = run("Border guards in Bosnia and Herzegovina stopped two trucks on Monday.")
    assert "Bosnia and Herzegovina" in [l["name"] for l in out["locations"]], out["locations"]


@pytest.mark.parametrize("text, name", [
    ("Troops retook the port of Ponta do Sol after two days.", "Ponta do Sol"),
    ("Looters stripped the harbour of Santa Cruz de la Palma overnight.", "Santa Cruz de la Palma"),
])
def test_a_linking_word_inside_a_known_name(run, text, name):
    out = run(text)
    assert place(out, name)["lat"] is not None, [l["name"] for l in out["locations"]]


def test_every_member_of_a_village_list_is_a_place(run):
    out = run("Families said they fled from the towns of Orvek, Tessa, and Mallow, near Kaduna.")
    got = {l["name"] for l in out["locations"]}
    assert {"Orvek", "Tessa", "Mallow", "Kaduna"} <= got, got
    assert not any("," in n for n in got), got


def test_a_village_abroad_with_the_same_name_is_not_the_place(run):
    out = run("Gunmen raided the villages of Orvek and Rago in Kaduna state, Nigerian police said.")
    rago = place(out, "Rago")
    assert rago["country"] in (None, "NG"), rago


def test_both_ends_of_a_route_are_places(run):
    out = run("Army units shelled the outskirts of Velmo and cut the road that runs from Velmo to Tarnick.")
    got = {l["name"] for l in out["locations"]}
    assert {"Velmo", "Tarnick"} <= got, got


def test_a_route_the_model_read_as_one_name_is_split(run):
    out = run("Convoys ran from January to March on the road from Kessel to Arvel.")
    got = {l["name"] for l in out["locations"]}
    assert {"Kessel", "Arvel"} <= got and not any(" to " in n for n in got), got


def test_hyphenated_names_with_linking_vowels(run):
    out = run("The envoy flew to Mazar-i-Sharif on Monday. Troops later left Mazar-e-Sharif for the border.")
    place_ = next(l for l in out["locations"] if l["name"] == "Mazar-i-Sharif")
    assert abs(place_["lat"] - 36.7) < 0.5 and len(place_["mentions"]) == 2, place_


@pytest.mark.parametrize("text, name, km, bearing", [
    ("Raiders burned the hamlet of Velmorka, about 40 km (25 miles) north-west of Kandahar, on Sunday.", "Velmorka", 40, 315),
    ("A mine hit a truck near Brisktown, 60-kilometers south of Herat, on the ring road.", "Brisktown", 60, 180),
    ("Troops left the village of Tarnhollow, a settlement some 20 miles east of Mosul, at dawn.", "Tarnhollow", 32, 90),
])
def test_distance_and_direction_place_an_unknown_village(run, text, name, km, bearing):
    """A village the gazetteer lacks, written "X, 40 km north-west of Y", lies that far from Y in
    that direction (not at Y, nor at some namesake far away)."""
    import math

    out = run(text)
    village = place(out, name)
    base = next(l for l in out["locations"] if l["name"] != name and l["lat"] is not None)
    dist = math.hypot(village["lat"] - base["lat"], (village["lon"] - base["lon"]) * math.cos(math.radians(base["lat"]))) * 111.2
    assert abs(dist - km) < 0.05 * km, (village, base)
    direction = math.degrees(math.atan2((village["lon"] - base["lon"]) * math.cos(math.radians(base["lat"])),
                                        village["lat"] - base["lat"])) % 360
    assert min(abs(direction - bearing), 360 - abs(direction - bearing)) < 3
    assert village["country"] == base["country"]



def test_a_name_written_without_the_apostrophes_geonames_keeps(run):
    """GeoNames writes the Syrian border town "Ra's al 'Ayn"; news writes "Ras al-Ayn"."""
    out = run("Fighting raged in Ras al-Ayn, Syria, on Friday.")
    town = place(out, "Ras al-Ayn")
    assert town["country"] == "SY" and abs(town["lat"] - 36.85) < 0.1 and abs(town["lon"] - 40.07) < 0.1


def test_gazetteer_spelling_without_marks_needs_a_bare_name():
    from conflictx.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    assert any(p.country == "SY" for p in gaz.spelled_without_marks("Ras al-Ayn"))
    assert gaz.spelled_without_marks("Ra's al 'Ayn") == []   # a name with marks is looked up as it is


def test_the_adjective_of_a_named_region_is_no_place(run):
    """ "Chechen" beside "Chechnya": an unknown word that begins like a region the article names is
    its adjective or its people, not a village the gazetteer lacks."""
    out = run("Russian jets bombed Chechnya again. A Chechen village near the border buried its dead on Monday.")
    assert "Chechnya" in {l["name"] for l in out["locations"]}
    assert "Chechen" not in {n for l in out["locations"] for n in names(l)}


def test_a_hyphenated_first_name_is_no_city(run):
    """ "Nancy-Amelia": the first half of a hyphenated first name is not the French city."""
    out = run("Radio Kessel's Nancy-Jo Arvel has more from Islamabad.")
    assert not any(n.startswith("Nancy") for l in out["locations"] for n in names(l))


def test_every_member_of_a_list_announced_by_a_place_noun(run):
    """ "three more localities of Amhara -- A and B C": both members are places (the model may run
    them into one body name), placed in the settlement the article names before."""
    out = run("Monitors heard of shelling near Gondar and at three more localities of Amhara -- Kesselmar "
              "and Debre Velka.")
    found = {l["name"]: l for l in out["locations"]}
    assert {"Kesselmar", "Debre Velka"} <= set(found), set(found)
    assert found["Debre Velka"]["country"] == "ET"
