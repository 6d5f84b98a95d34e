#!/usr/bin/env python3
"""
Builds server/catalogue/data/address-formats.csv from OpenCage's address-formatting templates
(https://github.com/OpenCageData/address-formatting, conf/countries/worldwide.yaml, MIT licence).

    python3 scripts/address-formats.py worldwide.yaml > server/catalogue/data/address-formats.csv

For each two-letter country key it reads the country's `address_template` (following `use_country`;
for a template that starts with the country, big-endian as in China or Korea, the `XX_en` variant,
whose order is the international one) and records where `{{{postcode}}}` stands against `{{{city}}}`:
`before` or `after` it on the same line (with the literal text that separates them, state fields
dropped), `below` or `above` it on a line of its own, or `none` when the template has no postcode.
Keys whose template has no city (HK, MO), and user-assigned X? codes, are left out. Needs PyYAML.
"""
import csv
import re
import sys

import yaml

TAG = re.compile(r"\{\{[^}]*\}\}\}?")


def template(src, code):
    entry = src[code]
    if "use_country" in entry:
        return template(src, entry["use_country"])
    return entry["address_template"]


def lines_of(text):
    return [line.strip() for line in text.strip().split("\n") if line.strip()]


def main(path):
    src = yaml.safe_load(open(path, encoding="utf-8"))
    out = csv.writer(sys.stdout, lineterminator="\n", quoting=csv.QUOTE_ALL)
    out.writerow(["region", "postcode", "separator", "template"])
    # X? codes (XC Sark, XK Kosovo) are ISO 3166's user-assigned range: no package address has them.
    for code in sorted(k for k in src if re.fullmatch(r"[A-WYZ][A-Z]", k)):
        used = src[code].get("use_country", code)
        lines = lines_of(template(src, code))
        if "{{{country}}}" in lines[0] and f"{code}_en" in src:
            used = f"{code}_en"
            lines = lines_of(src[used]["address_template"])
        city = [i for i, line in enumerate(lines) if "{{{city}}}" in line]
        postcode = [i for i, line in enumerate(lines) if "{{{postcode}}}" in line]
        if not city:
            continue
        c = city[0]
        separator = ""
        if not postcode:
            place = "none"
        elif postcode[0] != c:
            place = "below" if postcode[0] > c else "above"
        else:
            line = lines[c]
            p_at, c_at = line.index("{{{postcode}}}"), line.index("{{{city}}}")
            if p_at < c_at:
                place = "before"
                chunk = TAG.split(line[p_at + len("{{{postcode}}}") : c_at])[0]
            else:
                place = "after"
                chunk = TAG.split(line[c_at:p_at])[-1]
            separator = re.sub(r"\s+", " ", chunk)
            if separator.strip() == "":
                separator = " "
        out.writerow([code, place, separator, used])


if __name__ == "__main__":
    main(sys.argv[1])
