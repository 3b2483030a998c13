# ruff: noqa: E501  (written by an independent tester: export field lists and page debris as data)
"""Build the third held-out export set: eval/exports-heldout3/.

Real article bodies come from the narrative-frames dev split (articles whose ID's
sha256 is odd and whose hex digest starts with 8-f; the 48 smallest digests).
They are wrapped in four database export formats (Nexis Uni, LexisNexis Academic,
ProQuest, Factiva; 8 documents each) and in 16 scraped web pages carrying the
debris real sites leave behind.  Written from general knowledge of what those
exports and pages look like; deterministic (fixed seed, no clock).

Outputs (eval/exports-heldout3/):
  nexis_uni_climate_2017-2019.txt, lexisnexis_academic_climate.txt,
  proquest_climate_export.txt, factiva_climate_export.txt, scraped/NN_*.txt,
  debris.csv, bodies.json, README.md

Run: .venv/bin/python bench/export_heldout3.py
"""

from __future__ import annotations

import csv
import hashlib
import html
import json
import random
import re
from datetime import date
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SRC = Path("/work/shared/eval/narrative-frames/articles_metadata.dev.tsv")
OUT = ROOT / "eval" / "exports-heldout3"
SEED = 20261205

# ---------------------------------------------------------------- titles
# The dataset's `text` is "<headline> <body>" on one line with no delimiter.  The
# headline of each selected article, read off by hand (matched case- and
# quote-insensitively against the start of the text).
TITLES = {
    691: "DEATH BY PIN PRICKS, Water Lilies & Boiling Water",
    866: "Texas air pollution sensors switched off as refineries seep toxic chemicals into air & water",
    424: "A $240 Per Gallon Gas Tax To Fight Global Warming? New UN Report Suggests Carbon Pricing",
    662: "Here's The List Of Climate Change Deniers Considered For The EPA's 'Red Team' Debate",
    92: "Trump brags about 'crystal clean' air — but his own EPA admits it's gotten dirtier",
    652: "Official Pledges 'No Quarter' In Fight Against Wind Turbines In New York",
    619: "New analysis disputes the theory that climate change was responsible for Harvey and Irma",
    779: "U.S. is reducing dependence on fossil fuels even without Paris climate agreement",
    317: "'Almost Always False': Book Debunks Activist Spin On Natural Disasters And Global Warming",
    139: "Kamala Harris' climate plan to draw on her experience suing polluters",
    151: "Trump responds to G7 by proposing easing Obama-era methane limits at oil and gas operations",
    832: "Trump doesn't say 'climate change' in Earth Day message",
    19: "Late-Night Deal Breaks Deadlock Over Natural Gas Exports. The Trump Administration Is Ecstatic",
    512: "Clean water: the latest casualty in Trump's attack on the environment | Ross Barkan",
    254: "Activists Press Congress to Help Black Communities Fight Climate Change",
    665: "Federal Scientists' Startling Climate Report Released Before Trump Can Bury It",
    371: "'Not Based On Facts': Sarah Sanders Pushes Back Against New Climate Report",
    487: "Climate change: Report warns of growing impact on US life",
    110: "Trump's top economic adviser: 'The Green New Deal will literally destroy the economy'",
    230: "Australia bushfires north of Sydney 'too big to put out'",
    506: "Antarctica Has Lost More Than 3 Trillion Tons Of Ice In 25 Years",
    595: "California Considers Following China With Combustion-Engine Car Ban...",
    326: "Company bans meat for employees on business...",
    448: "Supreme Court rejects Trump administration bid to halt climate trial",
    64: "Greta Thunberg FAILS her 'zero emissions' promise after climate summit moves to Spain",
    77: "Beware the Bern... Bernie Sanders Wants to Tax Your Meat",
    391: "A Top-Line Claim In The Newest US Climate Report Relies On Research Tied To Major Democratic Donors",
    602: "Enviro-Funded Report Ties Exxon Crusade To Largest Oil Spill In History",
    289: "Trump skipped G7 climate session and thought meeting hadn't happened yet",
    769: "European Commission head says Trump doesn't understand how Paris Agreement works",
    112: "Public Land Gets Its Moment At The Climate Town Hall",
    472: "Climate change brings dire consequences to the US, federal report concludes",
    25: "UN climate talks unraveling, face failure...",
    685: "Bill Nye Brilliantly Quotes The Constitution To Prove That Trump Must Act On Climate Change",
    737: "Federal Judge Smacks Down Trump Effort To Dismantle Obama-Era Environmental Protection",
    811: "Furor erupts over EPA decision to pull climate scientists from panel discussion",
    596: "Global warming fail: Study finds melting sea ice is actually helping Arctic animals",
    202: "Energy secretary contradicts Trump, says humans do play a role in causing climate change",
    761: "Gore: Trump 'tears down America's standing in the world' by leaving Paris climate accord",
    428: "Scott Pruitt Continues His Favors for Big Polluters and Puts Our Families at Risk",
    868: "Top Trump Cabinet Pick Went On 'Fox News Sunday' – It Was A Disaster (VIDEO)",
    2: "Ocasio-Cortez's Climate Alarm Isn't Shocking. She's Just Repeating Months Of Media Narrative",
    40: "Sanders releases $16 trillion 'Green New Deal' plan, promises it will 'pay for itself'",
    97: "Trump EPA appointees want more air pollution — that's a very bad idea",
    808: "To win the fight against climate change, the environmental movement needs to include leaders of color",
    137: "Senior Interior official denied there was an ozone hole and compared undocumented immigrants to cancer",
    215: "Trump cites massive winter storm to mock global warming",
    304: "Pope Francis: Loss of Biodiversity Jeopardizes Earth's Future",
}

OUTLETS = {
    "thedailycaller": "The Daily Caller",
    "the daily caller": "The Daily Caller",
    "thehuffingtonpost": "The Huffington Post",
    "the huffington post": "The Huffington Post",
    "breitbart": "Breitbart",
    "drudgereport": "Drudge Report",
    "drudge report": "Drudge Report",
    "bbc": "BBC News",
    "theguardian": "The Guardian",
    "vox": "Vox",
    "politicususa": "PoliticusUSA",
    "politicus usa": "PoliticusUSA",
    "foxnews": "Fox News",
    "rt": "RT",
    "cnn": "CNN",
    "cbsnews": "CBS News",
    "usatoday": "USA Today",
    "usa today": "USA Today",
    "theblaze": "TheBlaze",
    "npr": "NPR",
    "daily kos": "Daily Kos",
    "dailykos": "Daily Kos",
    "shareblue": "Shareblue",
    "daily mail": "Daily Mail",
    "dailymail": "Daily Mail",
    "therightscoop": "The Right Scoop",
    "redstate": "RedState",
    "yahoo news": "Yahoo News",
    "cnbc": "CNBC",
    "thehill": "The Hill",
    "bipartisan report": "Bipartisan Report",
    "fusion": "Fusion",
}

DOMAINS = {
    "The Daily Caller": "dailycaller.com",
    "The Huffington Post": "www.huffpost.com",
    "Breitbart": "www.breitbart.com",
    "Drudge Report": "www.drudgereport.com",
    "BBC News": "www.bbc.com",
    "The Guardian": "www.theguardian.com",
    "Vox": "www.vox.com",
    "PoliticusUSA": "www.politicususa.com",
    "Fox News": "www.foxnews.com",
    "RT": "www.rt.com",
    "CNN": "www.cnn.com",
    "CBS News": "www.cbsnews.com",
    "USA Today": "www.usatoday.com",
    "TheBlaze": "www.theblaze.com",
    "NPR": "www.npr.org",
    "Daily Kos": "www.dailykos.com",
    "Shareblue": "shareblue.com",
    "Daily Mail": "www.dailymail.co.uk",
    "The Right Scoop": "therightscoop.com",
    "RedState": "www.redstate.com",
    "Yahoo News": "news.yahoo.com",
    "CNBC": "www.cnbc.com",
    "The Hill": "thehill.com",
    "Bipartisan Report": "bipartisanreport.com",
    "Fusion": "fusion.tv",
}

BYLINES = [
    "Michael Bastasch",
    "Sarah Kimball",
    "Daniel Ortega-Reyes",
    "Emily Hartwell",
    "James Okafor",
    "Laura Chen",
    "Timothy Gardner",
    "Rachel Whitfield",
    "Andrew Follett",
    "Nina Petrakis",
    "Carlos Mendez",
    "Hannah Brooks",
    "David Lindqvist",
    "Priya Raman",
    "Thomas Becker",
    "Megan O'Connell",
    "Robert Yates",
    "Aisha Karim",
    "Jonathan Pierce",
    "Sofia Alvarez",
    "Kevin Marsh",
    "Olivia Grant",
    "Samuel Adeyemi",
    "Claire Donovan",
]

ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "reps",
    "gov",
    "gen",
    "lt",
    "col",
    "st",
    "jr",
    "sr",
    "u.s",
    "u.n",
    "u.k",
    "inc",
    "corp",
    "co",
    "no",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "prof",
    "vs",
    "e.g",
    "i.e",
    "d.c",
    "calif",
    "wash",
    "mass",
    "pa",
    "va",
    "fla",
    "ariz",
    "ore",
    "a.m",
    "p.m",
    "ltd",
    "mt",
    "ft",
    "sgt",
    "capt",
    "adm",
    "atty",
    "rev",
    "dept",
    "est",
    "approx",
    "fig",
    "pres",
}


def sentences(text: str) -> list[str]:
    """Split one-line text into sentences (abbreviation- and initial-aware)."""
    out, start = [], 0
    for m in re.finditer(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])", text):
        before = text[start : m.start()]
        word = re.split(r"[\s(\"“]", before)[-1].lower() if before else ""
        if (
            word in ABBREV
            or re.fullmatch(r"[a-z]", word)
            or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)
        ):
            continue
        seg = text[start : m.end()].strip()
        if seg:
            out.append(seg)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def norm_q(s: str) -> str:
    return s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').lower()


def select() -> list[dict]:
    df = pd.read_csv(SRC, sep="\t")
    rows = []
    for _, r in df.iterrows():
        hx = hashlib.sha256(str(r["ID"]).encode()).hexdigest()
        if int(hx, 16) % 2 == 1 and hx[0] in "89abcdef":
            rows.append((hx, r))
    rows.sort(key=lambda t: t[0])
    arts = []
    for hx, r in rows[:48]:
        aid = int(r["ID"])
        text = html.unescape(str(r["text"])).strip()
        title = TITLES[aid]
        if not norm_q(text).startswith(norm_q(title)):
            raise SystemExit(f"title mismatch for {aid}: {text[:120]!r}")
        title = text[: len(title)]
        body = text[len(title) :].strip()
        if norm_q(body).startswith(norm_q(title)):  # headline repeated, fused into body
            body = body[len(title) :].strip()
        sents = sentences(body)
        paras = [" ".join(sents[i : i + 3]) for i in range(0, len(sents), 3)]
        if len(paras) > 1 and len(sentences(paras[-1])) == 1:
            paras[-2] = paras[-2] + " " + paras[-1]
            paras.pop()
        outlet = OUTLETS.get(str(r["source"]).strip().lower(), str(r["source"]).strip())
        arts.append(
            {
                "id": aid,
                "digest": hx,
                "title": title,
                "paragraphs": paras,
                "outlet": outlet,
                "date": str(r["date"])[:10],
            }
        )
    return arts


# ---------------------------------------------------------------- helpers
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def d_of(iso: str) -> date:
    y, m, d = map(int, iso.split("-"))
    return date(y, m, d)


def long_date(iso: str, weekday=True) -> str:
    d = d_of(iso)
    s = f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    return s + (f" {WEEKDAYS[d.weekday()]}" if weekday else "")


def words(paras) -> int:
    return sum(len(p.split()) for p in paras)


def slug(title: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return "-".join(s.split("-")[:9])


def mojibake(s: str) -> str:
    """UTF-8 bytes read as Windows-1252 (undefined bytes kept as Latin-1, as browsers do)."""
    out = []
    for b in s.encode("utf-8"):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def curl(s: str) -> str:
    """Typographic quotes, as a CMS would store them."""
    s = re.sub(r"(?<=\w)'(?=\w)", "’", s)
    s = re.sub(r'(^|[\s(\[—])"', "\\1“", s)
    s = s.replace('"', "”")
    s = re.sub(r"(^|[\s(\[—])'", "\\1‘", s)
    s = s.replace("'", "’")
    return s


class Debris:
    def __init__(self):
        self.rows = []

    def add(self, file: str, doc: int, kind: str, text: str) -> str:
        self.rows.append({"file": file, "doc": doc, "kind": kind, "text": text})
        return text


# ---------------------------------------------------------------- Nexis Uni
SUBJECTS = [
    "CLIMATE CHANGE (94%)",
    "GLOBAL WARMING (91%)",
    "ENVIRONMENT & NATURAL RESOURCES (90%)",
    "EMISSIONS (89%)",
    "US FEDERAL GOVERNMENT (78%)",
    "POLITICS (77%)",
    "ENVIRONMENTAL REGULATION (76%)",
    "AIR POLLUTION (74%)",
    "TALKS & MEETINGS (71%)",
    "SCIENCE & TECHNOLOGY (68%)",
    "ENERGY & UTILITY LAW (65%)",
    "INTERNATIONAL RELATIONS (60%)",
]
GEOS = [
    "UNITED STATES (93%)",
    "WASHINGTON, DC, USA (79%)",
    "NEW YORK, USA (72%)",
    "TEXAS, USA (70%)",
    "CALIFORNIA, USA (66%)",
    "EUROPE (58%)",
    "NORTH AMERICA (79%)",
]


def nexis_uni(arts, deb: Debris, rnd: random.Random, fname: str):
    L = []
    cover = [
        "User Name: =",
        "Date and Time: = 2026-12-05",
        "Job Number: = 211873604",
        "",
        "",
        "Documents (8)",
        "",
    ]
    for i, a in enumerate(arts, 1):
        cover += [
            f"{i}. {a['title']}",
            "Client/Matter: -None-",
            'Search Terms: "climate change" OR "global warming"',
            "Search Type: Terms and Connectors",
            "Narrowed by: ",
            "Content Type Narrowed by",
            "News Timeline: Jan 01, 2017 to Dec 31, 2019; Language: English",
            "",
        ]
    cover_txt = "\n".join(cover)
    deb.add(fname, 0, "cover_page", cover_txt)
    L.append(cover_txt)
    L.append("")
    meta = []
    for i, a in enumerate(arts, 1):
        by = BYLINES[(a["id"] * 7) % len(BYLINES)] if i != 5 else ""
        d = d_of(a["date"])
        hh = 6 + (a["id"] % 14)
        dline = long_date(a["date"]) + (
            f" {hh % 12 or 12}:{a['id'] % 60:02d} {'AM' if hh < 12 else 'PM'} EST" if i % 3 else ""
        )
        pub = a["outlet"] + (" (Online)" if i == 3 else "")
        blk = [
            a["title"],
            "",
            pub,
            "",
            dline,
            "",
            "",
            f"Copyright {d.year} {a['outlet']} All Rights Reserved",
            "",
            "",
        ]
        sec = ["NEWS", "POLITICS", "ENERGY; Environment", "US NEWS", "OPINION"][i % 5]
        blk += [
            f"Section: {sec}" + ("; Pg. A4" if i in (2, 6) else ""),
            f"Length: {words(a['paragraphs'])} words",
        ]
        if by:
            blk.append(f"Byline: {by}")
        if i in (1, 4, 7):
            hl = sentences(a["paragraphs"][0])[0]
            blk.append(f"Highlight: {hl}")
            deb.add(fname, i, "highlight_dup", hl)
        if i == 6:
            blk.append("Dateline: WASHINGTON")
            deb.add(fname, i, "field", "Dateline: WASHINGTON")
        blk += ["", "Body", "", ""]
        paras = list(a["paragraphs"])
        blk.append("\n\n".join(paras))
        blk.append("")
        if i in (2, 7):
            g = deb.add(
                fname,
                i,
                "graphic",
                "Graphic\n\n \nPHOTO: Smoke rises from a coal-fired power plant. (AP Photo/Matt Brown, File)",
            )
            blk += ["", g, ""]
        if i == 4:
            n = deb.add(
                fname,
                i,
                "notes",
                "Notes\n\nThis article has been updated to include a response from the agency.",
            )
            blk += ["", n, ""]
        subj = "; ".join(rnd.sample(SUBJECTS, 6))
        geo = "; ".join(rnd.sample(GEOS, 2))
        load = date.fromordinal(d.toordinal() + 1 + (i % 3))
        tail = [
            "",
            "Classification",
            "",
            "",
            "",
            "Language: ENGLISH",
            "",
            "Publication-Type: " + ("Newspaper" if i == 3 else "Web Publication"),
            "",
            f"Subject: {subj}",
            "",
        ]
        if i % 2:
            tail += ["Industry: ENERGY & UTILITIES (88%); OIL & GAS INDUSTRY (71%)", ""]
        tail += [
            f"Geographic: {geo}",
            "",
            f"Load-Date: {MONTHS[load.month - 1]} {load.day}, {load.year}",
            "",
            "",
            "End of Document",
            "",
            "",
        ]
        for t in (
            f"Subject: {subj}",
            f"Geographic: {geo}",
            f"Copyright {d.year} {a['outlet']} All Rights Reserved",
        ):
            deb.add(fname, i, "field", t)
        L.append("\n".join(blk + tail))
        meta.append({"title": a["title"], "outlet": a["outlet"], "date": a["date"], "byline": by})
    return "\n".join(L), meta


# ---------------------------------------------------------------- LexisNexis Academic
def center(s: str, width=72) -> str:
    return s.center(width).rstrip()


def ln_academic(arts, deb: Debris, rnd: random.Random, fname: str):
    L = []
    meta = []
    n = len(arts)
    for i, a in enumerate(arts, 1):
        d = d_of(a["date"])
        by = BYLINES[(a["id"] * 5 + 3) % len(BYLINES)] if i not in (3,) else ""
        cp_top = i % 2 == 0
        blk = ["", "", center(f"{i} of {n} DOCUMENTS"), "", ""]
        cp = f"Copyright {d.year} {a['outlet']}"
        if cp_top:
            blk += [center(cp), center("All Rights Reserved"), "", ""]
        blk += [center(a["outlet"].upper() if i == 5 else a["outlet"]), "", ""]
        dl = long_date(a["date"])
        if i in (2, 6):
            dl += " 10:42 PM EST"
        blk += [center(dl), ""]
        if i == 4:
            blk += [center("Final Edition"), ""]
        blk += ["", a["title"], ""]
        if by:
            blk += [f"BYLINE: {by}" + (f", {a['outlet']}" if i == 7 else ""), ""]
        sec = [
            "NEWS",
            "ENERGY",
            "POLITICS; Pg. 12",
            "WORLD",
            "ENVIRONMENT",
            "US",
            "OPINION",
            "NEWS",
        ][i - 1]
        blk += [f"SECTION: {sec}", "", f"LENGTH: {words(a['paragraphs'])} words", ""]
        if i == 2:
            blk += ["DATELINE: WASHINGTON", ""]
            deb.add(fname, i, "field", "DATELINE: WASHINGTON")
        if i == 6:
            hl = sentences(a["paragraphs"][0])[0]
            blk += [f"HIGHLIGHT: {hl}", ""]
            deb.add(fname, i, "highlight_dup", hl)
        blk.append("")
        if i in (3, 8):
            blk += ["BODY:", ""]
        blk.append("\n\n".join(a["paragraphs"]))
        blk += ["", ""]
        if i in (1, 5):
            url = f"URL: http://{DOMAINS.get(a['outlet'], 'www.example.com')}/{d.year}/{d.month:02d}/{d.day:02d}/{slug(a['title'])}/"
            blk += [url, ""]
            deb.add(fname, i, "field", url)
        if i == 4:
            g = "GRAPHIC: PHOTO: Protesters march near the White House. Photo by Jim Watson, AFP/Getty Images"
            blk += [g, ""]
            deb.add(fname, i, "graphic", g)
        load = date.fromordinal(d.toordinal() + 1)
        blk += [
            f"LOAD-DATE: {MONTHS[load.month - 1]} {load.day}, {load.year}",
            "",
            "LANGUAGE: ENGLISH",
            "",
        ]
        if i % 3 == 0:
            blk += ["DOCUMENT-TYPE: News", ""]
        blk += ["PUBLICATION-TYPE: " + ("Newspaper" if i == 4 else "Web Publication"), ""]
        if i == 4:
            blk += ["JOURNAL-CODE: WEB", ""]
        if not cp_top:
            blk += ["", center(cp), center("All Rights Reserved")]
        deb.add(fname, i, "field", cp)
        L.append("\n".join(blk))
        meta.append({"title": a["title"], "outlet": a["outlet"], "date": a["date"], "byline": by})
    return "\n".join(L) + "\n", meta


# ---------------------------------------------------------------- ProQuest
PQ = {
    "publisher": {
        "USA Today": "Gannett Company, Incorporated",
        "CNN": "CNN Digital",
        "The Guardian": "Guardian News & Media Limited",
        "Daily Mail": "DMG Media Limited",
    },
}


def proquest(arts, deb: Debris, rnd: random.Random, fname: str):
    n = len(arts)
    SEP = "_" * 60
    L = [SEP, "", "Contents", ""]
    for i, a in enumerate(arts, 1):
        L.append(f"{i}. {a['title']}")
    L += ["", SEP, ""]
    deb.add(fname, 0, "contents", "\n".join(L[2 : 4 + n]))
    meta, biblio = [], []
    for i, a in enumerate(arts, 1):
        d = d_of(a["date"])
        by = BYLINES[(a["id"] * 3 + 1) % len(BYLINES)]
        last, first = by.split(" ", 1)[1], by.split(" ", 1)[0]
        pubt = a["outlet"] + (" (Online)" if i % 2 else "")
        place = {
            "USA Today": "McLean, Va.",
            "The Guardian": "London",
            "Daily Mail": "London",
            "BBC News": "London",
        }.get(a["outlet"], "New York")
        paras = list(a["paragraphs"])
        mon = [
            "Jan",
            "Feb",
            "Mar",
            "Apr",
            "May",
            "June",
            "July",
            "Aug",
            "Sep",
            "Oct",
            "Nov",
            "Dec",
        ][d.month - 1]
        blk = [f"Document {i} of {n}", "", a["title"], ""]
        if i != 6:
            blk += [f"Author: {last}, {first}", ""]
        blk += [
            f"Publication info: {pubt} ; {place} [{place}]. {d.day:02d} {MONTHS[d.month - 1]} {d.year}.",
            "",
            "ProQuest document link",
            "",
        ]
        old = i in (3, 7)  # older export style: upper-case headings on their own lines
        if i in (1, 4, 6):
            ab = paras[0]  # abstract repeats the first paragraph
            deb.add(fname, i, "abstract_dup", ab)
        elif i in (2, 5, 8):
            ab = sentences(paras[0])[0]  # abstract repeats the lead sentence
            deb.add(fname, i, "abstract_dup", ab)
        else:
            ab = "None available."
            deb.add(fname, i, "abstract", "None available.")
        if old:
            blk += ["ABSTRACT", "", ab, "", "FULL TEXT", "", "\n\n".join(paras), ""]
        elif i in (2, 6):
            blk += [f"Abstract: {ab}", "", "Full text:", "", "\n\n".join(paras), ""]
        else:
            blk += [
                f"Abstract: {ab}",
                "",
                "Links: Linking Service",
                "",
                f"Full text: {paras[0]}",
                "\n".join(paras[1:]) if i == 4 else "\n\n".join(paras[1:]),
                "",
            ]
            deb.add(fname, i, "field", "Links: Linking Service")
        if i in (4, 8):
            cr = f"Credit: By {by}, {a['outlet'].upper()}"
            blk += [cr, ""]
            deb.add(fname, i, "credit", cr)
        if i == 5:
            cap = "Illustration: Photograph; Smoke billows from a refinery near Houston. (Reuters)"
            blk += [cap, ""]
            deb.add(fname, i, "graphic", cap)
        subj = "; ".join(
            [
                "Climate change",
                "Greenhouse gases",
                "Environmental policy",
                "Emissions",
                "Global warming",
                "Politics",
            ][: 3 + i % 3]
        )
        docid = 1900000000 + a["id"] * 1789 + i
        fields = [
            f"Subject: {subj}",
            "Location: United States--US",
            "People: Trump, Donald J",
        ]
        if i % 2 == 0:
            fields.append(
                "Company / organization: Name: Environmental Protection Agency--EPA; NAICS: 924110"
            )
        if old:
            fields.append(f"Title: {a['title']}")
        fields += [
            f"Publication title: {pubt}; {place}",
            "Pages: " + ("A.1" if i == 3 else "n/a"),
            f"Publication year: {d.year}",
            f"Publication date: {mon} {d.day}, {d.year}",
            "Section: " + ["News", "Politics", "World", "Opinion"][i % 4],
            f"Publisher: {PQ['publisher'].get(a['outlet'], a['outlet'] + ' LLC')}",
            f"Place of publication: {place}",
            f"Country of publication: {'United Kingdom' if place == 'London' else 'United States'}, {place}",
            "Publication subject: General Interest Periodicals--United States",
            f"ISSN: {(a['id'] * 7919) % 90000000 + 10000000:08d}"[:14],
            "Source type: " + ("Newspapers" if i == 3 else "Blogs, Podcasts, & Websites"),
            "Language of publication: English",
            "Document type: News",
            f"ProQuest document ID: {docid}",
            f"Document URL: https://www.proquest.com/blogs-podcasts-websites/{slug(a['title'])}/docview/{docid}/se-2?accountid=14512",
            f"Copyright: Copyright {a['outlet']} {d.year}",
            f"Last updated: {d.year}-{d.month:02d}-{min(d.day + 1, 28):02d}",
            "Database: " + ("ProQuest Central" if i % 2 else "U.S. Newsstream"),
        ]
        for f in fields:
            deb.add(fname, i, "field", f)
        blk += ["\n\n".join(fields), "", SEP, ""]
        L.append("\n".join(blk))
        meta.append({"title": a["title"], "outlet": a["outlet"], "date": a["date"], "byline": by})
        biblio.append(
            f"{last}, {first[0]}. ({d.year}, {mon} {d.day:02d}). {a['title']}. {pubt} "
            f"Retrieved from https://www.proquest.com/docview/{docid}?accountid=14512"
        )
    tr = [
        "Bibliography",
        "Citation style: APA 6th - American Psychological Association, 6th Edition",
        "",
    ]
    tr += [b + "\n" for b in biblio]
    tr += [
        SEP,
        "Contact ProQuest",
        "Copyright © 2026 ProQuest LLC. All rights reserved. - Terms and Conditions",
    ]
    tr_txt = "\n".join(tr)
    deb.add(fname, 0, "trailer", tr_txt)
    L.append(tr_txt)
    return "\n".join(L) + "\n", meta


# ---------------------------------------------------------------- Factiva
def factiva(arts, deb: Debris, rnd: random.Random, fname: str):
    L = []
    meta = []
    page = [1]
    total = 19

    def footer(doc):
        t = f"Page {page[0]} of {total} © 2026 Factiva, Inc. All rights reserved."
        page[0] += 1
        deb.add(fname, doc, "page_footer", t)
        return t

    for i, a in enumerate(arts, 1):
        d = d_of(a["date"])
        by = BYLINES[(a["id"] * 11 + 5) % len(BYLINES)] if i != 2 else ""
        paras = list(a["paragraphs"])
        own = i % 2 == 1  # field codes on their own lines in odd documents
        sc = "".join(ch for ch in a["outlet"].upper() if ch.isalpha())[:4] + "WC"
        an = (
            f"Document {sc}{d.year}{d.month:02d}{d.day:02d}0000{a['id']:04d}"[:40]
            + "ef"
            + "abcdefghijk"[i]
            + "00"
            + str(i)
        )
        pdt = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
        lp = paras[:1] if len(paras) < 4 else paras[:2]
        td = paras[len(lp) :]
        if i in (3, 6) and len(td) >= 2:  # page break falls inside the body
            k = len(td) // 2
            td = td[:k] + [footer(i)] + td[k:]
        fields = [("HD", a["title"])]
        if i == 4:
            fields.append(("CR", "Dow Jones Newswires"))
            deb.add(fname, i, "field", "Dow Jones Newswires")
        if by:
            fields.append(("BY", f"By {by}"))
        fields += [
            ("WC", f"{words(paras)} words"),
            ("PD", pdt),
            ("ET", f"{(a['id'] % 12) + 8:02d}:{a['id'] % 60:02d}"),
            ("SN", a["outlet"]),
            ("SC", sc),
        ]
        if i in (1, 5):
            fields.append(("ED", "Online"))
        if i == 3:
            fields.append(("PG", "A6"))
        fields += [
            ("LA", "English"),
            ("CY", f"Copyright {d.year} {a['outlet']}. All Rights Reserved."),
        ]
        deb.add(fname, i, "field", f"Copyright {d.year} {a['outlet']}. All Rights Reserved.")
        fields += [("LP", "\n\n".join(lp)), ("TD", "\n\n".join(td))]
        tailf = []
        if i % 2 == 0:
            tailf.append(("CO", "usepa : U.S. Environmental Protection Agency"))
        tailf += [
            ("IN", "ienv : Environmental Services | i1 : Energy"),
            (
                "NS",
                "gclimt : Climate Change | genv : Natural Environment | gpol : Domestic Politics | gcat : Political/General News",
            ),
            ("RE", "usa : United States | namz : North America"),
            ("IPD", "Climate Change"),
            ("IPC", "ENV"),
            ("PUB", f"{a['outlet']} " + ("Inc." if i % 2 else "LLC")),
            ("AN", an),
        ]
        for c, v in tailf:
            if len(v) >= 20:  # short codes ("ENV", "Climate Change") are caught by the label check
                deb.add(fname, i, "field", v)
        blk = []
        for c, v in fields + tailf:
            if own:
                blk += [c, v, ""]
            else:
                vv = v.replace("\n\n", "\n\n" + " " * 6)
                blk += [f"{c:<6}{vv}", ""]
        if i in (2, 4, 5, 7, 8):  # page break between documents
            blk += [footer(i), "", ""]
        L.append("\n".join(blk))
        meta.append({"title": a["title"], "outlet": a["outlet"], "date": a["date"], "byline": by})
    ss = [
        "Search Summary",
        "Text\tclimate change or global warming",
        "Date\t01/01/2017 to 31/12/2019",
        "Source\tAll Sources",
        "Author\tAll Authors",
        "Company\tAll Companies",
        "Subject\tAll Subjects",
        "Industry\tAll Industries",
        "Region\tAll Regions",
        "Language\tEnglish",
        "Results Found\t2,318",
        "Timestamp\t5 December 2026 07:31",
        "",
        footer(0),
    ]
    L.append("\n".join(ss))
    deb.add(fname, 0, "search_summary", "\n".join(ss[:-2]))
    return "\n".join(L) + "\n", meta


# ---------------------------------------------------------------- scraped pages
RELATED = [
    "EPA chief says agency will revisit vehicle emission standards",
    "Scientists warn Arctic summers could be ice-free by 2040",
    "Democrats unveil sweeping climate bill ahead of midterms",
    "Coal plant closures accelerate despite administration pledges",
    "Youth climate strikers fill streets in 150 countries",
    "What the latest UN report says about sea-level rise",
    "Oil giants face new lawsuits over climate disclosures",
    "How hot will it get this summer? Forecasters weigh in",
    "Wind power overtakes coal in Texas for the first time",
    "Inside the fight over the Keystone XL pipeline",
    "Wildfire season is getting longer, study finds",
    "Republicans push back on carbon tax proposal",
]
HANDLES = [
    ("Sen. Mark Alvey", "SenAlvey"),
    ("Climate Desk", "ClimateDesk"),
    ("Jordan Reyes", "jreyes_news"),
    ("Sierra Club", "SierraClub"),
    ("Dana Whitcomb", "danawhit"),
    ("Energy Watch", "EnergyWatchUS"),
    ("Marisol Peña", "marisolpena"),
    ("Tom Hägglund", "tomhagglund"),
]
TWEETS = [
    "This is the most important climate story of the year and almost nobody is talking about it.",
    "Read the full report here. The numbers are staggering.",
    "We will not back down. Our kids deserve clean air and clean water.",
    "Another day, another rollback. Thread below on what it means for your state.",
    "Huge turnout today. Proud of everyone who showed up in the rain!",
    "The science is clear and the clock is ticking.",
]
CAPTIONS = [
    "(Photo by Drew Angerer/Getty Images)",
    "Photo: AP",
    "Image copyright Getty Images\nImage caption Firefighters battle a blaze near the highway",
    "FILE PHOTO: Smoke billows from a coal-fired power plant in Colstrip, Montana, U.S. REUTERS/Jim Urquhart/File Photo",
    "Credit: Saul Loeb/AFP via Getty Images",
    "[Image via screenshot]",
    "An oil refinery is seen at dusk. (AP Photo/David J. Phillip)",
    "Demonstrators rally outside the Capitol. Chip Somodevilla/Getty Images",
    "Photograph: Mandel Ngan/AFP/Getty Images",
    "Getty Images",
]
PROMPTS = [
    "Sign up for our newsletter to get the day's top stories delivered to your inbox.",
    "Click to share on Facebook (Opens in new window)\nClick to share on Twitter (Opens in new window)\nClick to email this to a friend (Opens in new window)",
    "Share this article\nShare on Facebook\nShare on Twitter\nShare via Email",
    "Leave a comment\n\n12 Comments",
    "Follow us on Twitter and like us on Facebook.",
    "Support independent journalism. Donate today.",
    "Have a tip? Send it to tips@example.com",
    "Join the conversation. Comments are moderated.",
    "Subscribe to our Climate newsletter: the week's biggest environment stories, every Friday.",
]
BEATS = [
    "energy and the environment",
    "climate policy",
    "national politics",
    "the White House",
    "science and the environment",
    "Congress",
]


def tweet_html(text, name, handle, when, sid, link):
    return (
        f'<blockquote class="twitter-tweet" data-lang="en"><p lang="en" dir="ltr">{text} '
        f'<a href="https://t.co/{link}">https://t.co/{link}</a> pic.twitter.com/{link[::-1]}</p>'
        f'&mdash; {name} (@{handle}) <a href="https://twitter.com/{handle}/status/{sid}?ref_src=twsrc%5Etfw">{when}</a></blockquote>\n'
        f'<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
    )


def tweet_text(text, name, handle, when, link):
    return f"{text} https://t.co/{link} pic.twitter.com/{link[::-1]}\n\n— {name} (@{handle}) {when}"


def insta_html(text, name, handle, iso, code):
    d = d_of(iso)
    when = f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year} at 9:14am PDT"
    return (
        f'<blockquote class="instagram-media" data-instgrm-captioned data-instgrm-permalink="https://www.instagram.com/p/{code}/?utm_source=ig_embed&amp;utm_campaign=loading" data-instgrm-version="12" style=" background:#FFF; border:0; margin: 1px; max-width:540px;">'
        f'<div style="padding:16px;"><a href="https://www.instagram.com/p/{code}/?utm_source=ig_embed" target="_blank">View this post on Instagram</a>'
        f'<p style=" margin:8px 0 0 0; padding:0 4px;">{text}</p>'
        f'<p style=" color:#c9c8cd; font-family:Arial,sans-serif; font-size:14px;">A post shared by <a href="https://www.instagram.com/{handle}/?utm_source=ig_embed" target="_blank">{name}</a> (@{handle}) on <time style=" font-family:Arial,sans-serif;" datetime="{iso}T16:14:00+00:00">{when}</time></p></div></blockquote>\n'
        f'<script async src="//www.instagram.com/embed.js"></script>'
    )


def insta_text(text, name, handle, iso):
    d = d_of(iso)
    return (
        f"View this post on Instagram\n\n{text}\n\nA post shared by {name} (@{handle}) on "
        f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year} at 9:14am PDT"
    )


def scraped(a, k: int, deb: Debris, rnd: random.Random):
    d = d_of(a["date"])
    dom = DOMAINS.get(a["outlet"], "www.example.com")
    fname = f"scraped/{k:02d}_{dom}_{slug(a['title'])}.txt"
    moj = k in (2, 6, 11, 15)
    paras = list(a["paragraphs"])
    by = BYLINES[(a["id"] * 13 + k) % len(BYLINES)]
    shown = [curl(p) for p in paras] if moj else paras
    if moj:
        shown = [mojibake(p) for p in shown]
    title_shown = mojibake(curl(a["title"])) if moj and k == 6 else a["title"]
    out = [title_shown, ""]
    # header debris
    if k % 4 == 0:
        out += [deb.add(fname, 1, "byline_line", f"By {by}"), ""]
    if k % 4 == 1:
        w = WEEKDAYS[d.weekday()][:3]
        out += [
            deb.add(
                fname,
                1,
                "dateline",
                f"By {by}, {a['outlet']}\nUpdated 5:32 PM ET, {w} {MONTHS[d.month - 1]} {d.day}, {d.year}",
            ),
            "",
        ]
    if k % 5 == 2:
        out += [deb.add(fname, 1, "caption", CAPTIONS[k % len(CAPTIONS)]), ""]
    handle = HANDLES[k % len(HANDLES)]
    when = f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    link = "".join(
        rnd.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(10)
    )
    n = len(shown)
    slots = {}

    def put(pos, txt):
        slots.setdefault(min(max(pos, 1), n - 1 if n > 1 else 1), []).append(txt)

    # between-paragraph debris; which kinds go in which file varies
    if k % 3 == 0:
        tw = TWEETS[k % len(TWEETS)]
        t = (
            tweet_html(tw, handle[0], handle[1], when, 1100000000000000000 + a["id"] * 7919, link)
            if k % 2 == 0
            else tweet_text(tw, handle[0], handle[1], when, link)
        )
        if moj:
            t = mojibake(t)
        put(2, deb.add(fname, 1, "tweet_embed" if "<" in t else "tweet", t))
    if k % 3 == 1:
        tw = TWEETS[(k + 2) % len(TWEETS)]
        t = tweet_text(tw, handle[0], handle[1], when, link)
        if moj:
            t = mojibake(t)
        put(1, deb.add(fname, 1, "tweet", t))
    if k in (4, 9, 13):
        ig = HANDLES[(k + 3) % len(HANDLES)]
        cap = "Marching for our future today #climatestrike #actnow"
        t = (
            insta_html(cap, ig[0], ig[1], a["date"], link[:8])
            if k != 9
            else insta_text(cap, ig[0], ig[1], a["date"])
        )
        put(n // 2, deb.add(fname, 1, "instagram_embed" if "<" in t else "instagram", t))
    if k % 2 == 0:
        put(n // 2 + 1, deb.add(fname, 1, "advertisement", "Advertisement"))
    if k % 4 == 3:
        put(2, deb.add(fname, 1, "story_continues", "Story continues below"))
    if k % 3 == 2:
        rel = RELATED[k % len(RELATED)]
        t = f"READ MORE: {rel}" if k % 2 else f"Related: {rel}"
        put(1, deb.add(fname, 1, "related", t))
    if k in (1, 5, 8, 12, 14):
        items = [RELATED[(k + j) % len(RELATED)] for j in range(3)]
        t = (
            "RELATED ARTICLES\n" + "\n".join(items)
            if k % 2 == 0
            else "Related:\n" + "\n".join("• " + x for x in items)
        )
        put(n - 1, deb.add(fname, 1, "related_list", t))
    if k % 3 == 0 or k in (7, 10):
        c = CAPTIONS[(k * 3) % len(CAPTIONS)]
        if k == 10:
            c = mojibake("Marisol Peña speaks at a rally in Denver. (Photo by Jason Connolly/AFP)")
        put(n // 2, deb.add(fname, 1, "caption", c))
    # inside-paragraph debris (between two sentences of a paragraph)
    inside = {}
    if k in (1, 3, 7, 12, 15):
        j = min(1, n - 1)
        ss = sentences(shown[j])
        if len(ss) >= 2:
            piece = {
                1: "Advertisement",
                3: "Story continues below advertisement",
                7: "(Getty Images)",
                12: "Sign up for our newsletter",
                15: "ADVERTISEMENT",
            }[k]
            inside[j] = (
                " ".join(ss[:1]) + f"\n{piece}\n" + " ".join(ss[1:])
                if k in (1, 15, 12)
                else " ".join(ss[:1]) + f" {piece} " + " ".join(ss[1:])
            )
            deb.add(
                fname,
                1,
                "inline_" + ("ad" if "dvert" in piece.lower() or "continues" in piece else "other"),
                piece,
            )
    if k in (5, 9):
        j = min(2, n - 1)
        ss = sentences(shown[j])
        if len(ss) >= 2:
            piece = f"pic.twitter.com/{link[:9]}" if k == 5 else f"https://t.co/{link[:10]}"
            inside[j] = ss[0] + " " + piece + " " + " ".join(ss[1:])
            deb.add(fname, 1, "inline_link", piece)
    for j, p in enumerate(shown):
        out += [inside.get(j, p), ""]
        for t in slots.get(j + 1, []):
            out += [t, ""]
    # end-of-page debris
    tail = []
    if k % 2 == 1:
        pr = PROMPTS[k % len(PROMPTS)]
        tail.append(deb.add(fname, 1, "prompt", pr))
    if k % 3 != 1:
        pronoun = "her" if k % 2 else "him"
        bio = f"{by} is a reporter covering {BEATS[k % len(BEATS)]} for {a['outlet']}."
        if k % 4 == 0:
            bio += (
                f" Follow {pronoun} on Twitter @{by.split()[0][0].lower()}{by.split()[-1].lower()}."
            )
        if k == 6:
            bio = mojibake(curl(f"{by} is {a['outlet']}'s environment correspondent."))
        tail.append(deb.add(fname, 1, "author_bio", bio))
    if k in (2, 10):
        tail.append(deb.add(fname, 1, "prompt", PROMPTS[(k + 1) % len(PROMPTS)]))
    if k in (3, 11):
        tail.append(deb.add(fname, 1, "comments", "Comments\n\nShow comments (48)"))
    out += [t + "\n" for t in tail]
    meta = {
        "title": a["title"],
        "outlet": a["outlet"],
        "date": a["date"],
        "byline": by,
        "mojibake": moj,
    }
    return fname, "\n".join(out).rstrip("\n") + "\n", meta


# ---------------------------------------------------------------- main
README = """# exports-heldout3 — third held-out export set

Built by `bench/export_heldout3.py` (deterministic: fixed seed, no clock) from
48 real articles of `shared/eval/narrative-frames/articles_metadata.dev.tsv`:
those whose ID's sha256 is odd and whose hex digest starts with 8–f, the 48
smallest digests.  The dataset's one-line `text` is "<headline> <body>"; the
headline was read off by hand (TITLES in the script), the body split into
sentences (abbreviation-aware) and grouped three to a paragraph.  HTML
entities in the source (`&amp;`) were unescaped.  Outlet names were
normalised from the dataset's `source`; dates are the dataset's; bylines are
invented (the dataset has none).

Articles 1–8 → Nexis Uni plain text, 9–16 → LexisNexis Academic,
17–24 → ProQuest, 25–32 → Factiva, 33–48 → one scraped page each.

## Files
| file | what |
| --- | --- |
| nexis_uni_climate_2017-2019.txt | Nexis Uni download: cover page (user/job, document list with search terms), per document headline, publication, date line, copyright, Section/Length/Byline/Highlight, `Body`, body, optional Graphic/Notes, `Classification`, Language, Publication-Type, Subject, Industry, Geographic, Load-Date, `End of Document` |
| lexisnexis_academic_climate.txt | older LexisNexis Academic: centred "N of 8 DOCUMENTS", copyright at top or bottom, centred publication and date line, headline, BYLINE/SECTION/LENGTH/DATELINE/HIGHLIGHT, optional BODY:, body, URL/GRAPHIC, LOAD-DATE, LANGUAGE, DOCUMENT-TYPE, PUBLICATION-TYPE, JOURNAL-CODE |
| proquest_climate_export.txt | ProQuest: contents list, "Document N of 8", title, Author, Publication info, Abstract (repeats the first paragraph in docs 1, 4, 6, the lead sentence in 2, 5, 8, "None available." in 3, 7), Full text (heading on its own line in 2, 3, 6, 7, same line in the rest; upper-case ABSTRACT/FULL TEXT in 3, 7), Credit/Illustration lines, the full field block, underscore rules, bibliography + contact trailer |
| factiva_climate_export.txt | Factiva: field codes HD CR BY WC PD ET SN SC ED PG LA CY LP TD CO IN NS RE IPD IPC PUB AN, on their own line (odd docs) or in a left column on the value's line (even docs); "Page N of 19 © 2026 Factiva" footers between documents and inside bodies of docs 3 and 6; search summary at the end |
| scraped/NN_domain_slug.txt | one article each; first line the headline; debris as listed in debris.csv; mojibake (UTF-8 read as cp1252) in 02, 06, 11, 15 |
| debris.csv | one row per inserted piece of non-body text: file, doc (1-based within the file, 0 = front/end matter), kind, exact text (multi-line where the piece is) |
| bodies.json | per file and doc: id, title, outlet, date (ISO), byline ("" where the document has none), paragraphs (the original body) |

## What counts as clean
A cleaned article's text should contain every sentence of the original body
(whitespace, quote style and dash style aside) and nothing else: no debris
piece from debris.csv (or any line / text fragment of a multi-line piece), no
export field label at a line start, no HTML tag, no mojibake ("Ã", "â€",
"Â").  `*_dup` debris (highlights, abstracts that repeat the lead) count as
leftovers only when the repeated text occurs more often in the cleaned text
than in the body.  Its title, outlet and date should equal the ones in
bodies.json (outlet compared loosely: "USA Today (Online)" matches "USA Today").
In mojibake files the original body is the dataset's text: a repaired
curly quote matches it.

The dataset's own text carries some site debris of its own ("(RELATED: ...)"
fused to the next sentence, the Daily Caller News Foundation licensing
trailer, "Featured image is a screenshot", "CLICK HERE TO GET THE FOX NEWS
APP", The Hill's "MORE" name boxes).  It stays in the recorded bodies (it is
what the source published), is NOT listed in debris.csv, and the check counts
a sentence missing only by such text separately, not as lost.  Sentences kept
but still in mojibake are counted as "garbled", not lost (and flag the article
under mojibake).

`bench/export_heldout3_check.py` measures all of this; `--bodies` feeds it the
original bodies, which must give zero leftovers and zero lost sentences, and
`--dirty` (negative control) feeds it the bodies with their debris, labels and
HTML left in (scraped: the whole page), which must flag every article.
"""


def main():
    rnd = random.Random(SEED)
    arts = select()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "scraped").mkdir(exist_ok=True)
    for p in (OUT / "scraped").glob("*.txt"):
        p.unlink()
    deb = Debris()
    bodies = {}
    builders = [
        ("nexis_uni_climate_2017-2019.txt", nexis_uni),
        ("lexisnexis_academic_climate.txt", ln_academic),
        ("proquest_climate_export.txt", proquest),
        ("factiva_climate_export.txt", factiva),
    ]
    for j, (fname, fn) in enumerate(builders):
        group = arts[j * 8 : (j + 1) * 8]
        text, meta = fn(group, deb, rnd, fname)
        (OUT / fname).write_text(text, encoding="utf-8")
        bodies[fname] = {
            str(i): {"id": a["id"], **m, "paragraphs": a["paragraphs"]}
            for i, (a, m) in enumerate(zip(group, meta), 1)
        }
    for k, a in enumerate(arts[32:48], 1):
        fname, text, meta = scraped(a, k, deb, rnd)
        (OUT / fname).write_text(text, encoding="utf-8")
        bodies[fname] = {"1": {"id": a["id"], **meta, "paragraphs": a["paragraphs"]}}
    with open(OUT / "debris.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["file", "doc", "kind", "text"])
        w.writeheader()
        w.writerows(deb.rows)
    (OUT / "bodies.json").write_text(
        json.dumps(bodies, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    (OUT / "README.md").write_text(README, encoding="utf-8")
    print(
        f"wrote {len(bodies)} files, {sum(len(v) for v in bodies.values())} documents, "
        f"{len(deb.rows)} debris rows to {OUT}"
    )


if __name__ == "__main__":
    main()
