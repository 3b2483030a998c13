# ruff: noqa: E501  (written by an independent tester: export fields and page debris as data)
"""Build eval/exports-heldout4: 3 database exports (Nexis Uni .txt, ProQuest, Factiva) of 6 documents
each plus 6 scraped pages, from 24 real narrative-frames dev articles not used by heldout2/heldout3.
Deterministic: articles chosen by smallest sha256(str(ID))."""

import csv
import datetime
import hashlib
import json
import re
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SRC = Path("/work/shared/eval/narrative-frames/articles_metadata.dev.tsv")
OUT = ROOT / "eval" / "exports-heldout4"
USED = {
    "103",
    "109",
    "110",
    "112",
    "122",
    "125",
    "136",
    "137",
    "139",
    "149",
    "151",
    "164",
    "178",
    "179",
    "19",
    "2",
    "202",
    "215",
    "229",
    "230",
    "242",
    "25",
    "250",
    "254",
    "260",
    "277",
    "289",
    "304",
    "317",
    "326",
    "331",
    "334",
    "367",
    "371",
    "386",
    "391",
    "40",
    "424",
    "425",
    "428",
    "431",
    "448",
    "470",
    "472",
    "473",
    "487",
    "49",
    "50",
    "506",
    "512",
    "52",
    "520",
    "53",
    "551",
    "586",
    "595",
    "596",
    "602",
    "619",
    "632",
    "64",
    "650",
    "652",
    "661",
    "662",
    "665",
    "679",
    "685",
    "691",
    "706",
    "719",
    "733",
    "737",
    "748",
    "761",
    "767",
    "769",
    "77",
    "779",
    "808",
    "811",
    "832",
    "866",
    "868",
    "883",
    "92",
    "97",
    "98",
}

# headline table written by hand, each checked against the start of the text
HEAD = {
    286: "Bokhari: Elites Want You to Eat Bugs, Live in Sewer Pipes, and Submit to Population Control",
    245: "Young Conservatives Balk at Republicans' Climate Change Stance, Launch Campaign for Carbon Tax",
    374: "Trump hedges on climate change denial in wake of Hurricane Michael; says 'there is something there'",
    344: "I Was Right When I Said That President Trump Saved The Planet",
    500: "5 Major Crops In The Crosshairs Of Climate Change",
    305: "Is he OK? Biden's eye fills with BLOOD as he defends fossil fuel ties at climate forum (VIDEO)",
    211: "Trump begins year-long process to formally exit Paris climate agreement",
    290: "Donald Trump Jr. criticizes Time for naming eco-warrior Greta Thunberg as its person of the year",
    664: "Closing EPA's Great Lakes Office Would Put Nation's Water At Risk, Dems Warn Scott Pruitt",
    146: "Interior Chief Blames Congress For His Inaction On Climate Change",
    559: "'Next Deepwater Horizon disaster a matter of time': Critics slam record offshore oil lease sale",
    743: "Paris climate aim 'still achievable'",
    722: "America Is Doubling Down On Climate Progress",
    437: "The Trump Administration Will Not Be Happy About the Forest Service's New Fire Management Strategy",
    833: "In Embarrassing Anti-Trump Rant, Schwarzenegger Misses the Point of Paris Climate Deal",
    686: "Pope implicitly criticizes U.S. for leaving Paris climate accord",
    847: "California districts sue US govt for $1.4bn over water contamination from military base",
    800: "Paris climate deal: Trump pulls US out of 2015 accord",
    790: "Massive Crack in Antarctic Ice Shelf Grows 11 Miles in 6 Days, Potentially Creating World's Largest Iceberg",
    688: "Trump administration swaps 'climate change' for 'resilience'",
    154: "Critics of the Green New Deal Rail Against Socialism. We've Seen This Before.",
    91: "Activists 'Shut Down D.C.' To Demand More Action On Climate Crisis",
    478: "Environmental groups to sue Trump administration over offshore drilling tests",
    310: "The US produced more energy from renewable sources than from coal for the first time ever in April",
}
# text left in the source before the body proper (repeated headline, photo credit) is not body
PREFIX = {
    500: "5 Major Crops In The Crosshairs Of Climate Change",
    91: "Mark Wilson / Getty Images",
}
# debris already in the source text at the end of the body: not body; the export carries it as debris
SUFFIX = {
    305: "Like this story? Share it with a friend!",
    559: "Like this story? Share it with a friend!",
    286: "Reach out to Allum Bokhari at his secure email address allumbokhari@protonmail. com. Allum Bokhari is the senior technology correspondent at Breitbart News.",
}
OUTLET = {
    "breitbart": "Breitbart",
    "foxnews": "Fox News",
    "thedailycaller": "The Daily Caller",
    "npr": "NPR",
    "rt": "RT",
    "theguardian": "The Guardian",
    "dailymail": "Daily Mail",
    "thehuffingtonpost": "HuffPost",
    "motherjones": "Mother Jones",
    "cbsnews": "CBS News",
}

SENT = re.compile(r'(?<=[.!?])["”’)]?\s+(?=["“‘(]?[A-Z0-9])')


def sentences(text):
    out, start = [], 0
    for m in re.finditer(r'(?<=[.!?])(["”’)]?)\s+(?=["“‘(]?[A-Z0-9])', text):
        prev = text[max(0, m.start() - 4) : m.start()]
        if re.search(r"(\b[A-Z]|Mr|Ms|Dr|St|Jr|Sr|U\.S|vs|No)\.$", prev):
            continue
        out.append(text[start : m.end(1) if m.group(1) else m.start()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def paragraphs(text, n_id):
    sents = sentences(text)
    paras, i, k = [], 0, 0
    pattern = [3, 2, 4, 3, 2, 3, 4]
    while i < len(sents):
        n = pattern[(k + n_id) % len(pattern)]
        chunk = sents[i : i + n]
        if len(sents) - (i + n) == 1:
            chunk = sents[i:]
        paras.append(" ".join(chunk))
        i += len(chunk)
        k += 1
    return paras


def load():
    df = pd.read_csv(SRC, sep="\t", dtype={"ID": int})
    df = df[~df.ID.astype(str).isin(USED)].copy()
    df["h"] = df.ID.astype(str).map(lambda s: hashlib.sha256(s.encode()).hexdigest())
    df = df.sort_values("h").head(24)
    arts = []
    for r in df.itertuples():
        text = " ".join(str(r.text).split())
        head = HEAD[r.ID]
        assert text.startswith(head), (r.ID, text[:120])
        body = text[len(head) :].strip()
        if r.ID in PREFIX:
            assert body.startswith(PREFIX[r.ID]), r.ID
            body = body[len(PREFIX[r.ID]) :].strip()
        trailer = ""
        if r.ID in SUFFIX:
            assert body.endswith(SUFFIX[r.ID]), r.ID
            body = body[: -len(SUFFIX[r.ID])].strip()
            trailer = SUFFIX[r.ID]
        src = str(r.source)
        arts.append(
            {
                "id": int(r.ID),
                "title": head,
                "outlet": OUTLET.get(src, src),
                "date": str(r.date),
                "paragraphs": paragraphs(body, int(r.ID)),
                "trailer": trailer,
            }
        )
    return arts


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
BYLINES = [
    "Allum Bokhari",
    "Staff Writer",
    "Brooke Singman",
    "Steve Milloy",
    "Dan Charles",
    "RT staff",
    "Oliver Milman",
    "Ross Ibbetson",
    "Joseph Erbentraut",
    "Chris D'Angelo",
    "RT",
    "Matt McGrath",
    "Justin Gillis",
    "Jeremy Schwartz",
    "James Delingpole",
    "Philip Pullella",
    "RT",
    "BBC News",
    "Jennifer Earl",
    "Jeff Zeleny",
    "Paige Blankenbuehler",
    "Nick Visser",
    "Kate Gibson",
    "Ian Randall",
]


def longdate(d):
    y, m, dd = d.split("-")
    return f"{MONTHS[int(m) - 1]} {int(dd)}, {y}"


def words(a):
    return sum(len(p.split()) for p in a["paragraphs"])


debris = []  # (file, doc, kind, text)


def nexis(arts, fname):
    lines = [
        "User Name: = ",
        "Date and Time: = Tuesday, March 3, 2026 2:41:00 PM EST",
        "Job Number: = 287341156",
        "",
        "",
        "Documents (6)",
        "",
    ]
    for i, a in enumerate(arts, 1):
        lines += [
            f"{i}. {a['title']}",
            "Client/Matter: -None-",
            'Search Terms: "climate change" AND trump',
            "Search Type: Terms and Connectors",
            "Narrowed by: ",
            "Content Type    Narrowed by",
            "News    Timeline: Jan 01, 2017 to Dec 31, 2019",
            "",
        ]
    for k, t in [
        (1, "User Name: = "),
        (1, "Date and Time: = Tuesday, March 3, 2026 2:41:00 PM EST"),
        (1, "Job Number: = 287341156"),
        (1, "Documents (6)"),
        (1, "Client/Matter: -None-"),
        (1, 'Search Terms: "climate change" AND trump'),
    ]:
        debris.append((fname, 0, "cover", t))
    total = 6 * 3 + 1
    page = 2
    for i, a in enumerate(arts, 1):
        by = BYLINES[(i * 7) % len(BYLINES)]
        ph = f"Page {page} of {total}"
        lines += [
            "",
            ph,
            a["title"],
            "",
            a["title"],
            "",
            a["outlet"],
            longdate(a["date"]) + " " + datetime.date.fromisoformat(a["date"]).strftime("%A"),
            "",
            f"Copyright 20{a['date'][2:4]} {a['outlet']} All Rights Reserved",
            "",
            "Section: NEWS; Version:2",
            f"Length: {words(a)} words",
            f"Byline: {by}",
            "",
            "Body",
            "",
        ]
        debris.extend(
            [
                (fname, i, "page_header", ph),
                (fname, i, "field", f"Length: {words(a)} words"),
                (fname, i, "field", "Section: NEWS; Version:2"),
                (fname, i, "field", f"Byline: {by}"),
            ]
        )
        page += 1
        for j, p in enumerate(a["paragraphs"]):
            if j == len(a["paragraphs"]) // 2:
                ph2 = f"Page {page} of {total}"
                lines += [ph2, a["title"], ""]
                debris.append((fname, i, "page_header", ph2))
                page += 1
            lines += [p, ""]
        if a["trailer"]:
            lines += [a["trailer"], ""]
            debris.append((fname, i, "source_trailer", a["trailer"]))
        ld = longdate(a["date"]).replace(",", "")
        lines += [
            "",
            "Classification",
            "",
            "Language: ENGLISH",
            "",
            "Publication-Type: Web Publication",
            "",
            "Subject: CLIMATE CHANGE (92%); GLOBAL WARMING (90%); EMISSIONS (77%)",
            "",
            "Geographic: UNITED STATES (93%)",
            "",
            f"Load-Date: {ld}",
            "",
            "",
            "End of Document",
            "",
        ]
        debris.extend(
            [
                (fname, i, "field", f"Load-Date: {ld}"),
                (fname, i, "field", "Publication-Type: Web Publication"),
                (
                    fname,
                    i,
                    "field",
                    "Subject: CLIMATE CHANGE (92%); GLOBAL WARMING (90%); EMISSIONS (77%)",
                ),
                (fname, i, "field", "End of Document"),
            ]
        )
        page += 1
    (OUT / fname).write_text("\r\n".join(lines), encoding="utf-8-sig")


def proquest(arts, fname):
    sep = "_" * 60
    lines = ["ProQuest", "", sep, ""]
    for i, a in enumerate(arts, 1):
        by = BYLINES[(i * 5 + 3) % len(BYLINES)]
        y, m, d = a["date"].split("-")
        pdate = f"{MONTHS[int(m) - 1][:3]} {int(d)}, {y}"
        docid = 2100000000 + a["id"] * 1371
        abstract = a["paragraphs"][0].split(". ")[0].rstrip(".") + "."
        lines += [
            f"Document {i} of 6",
            "",
            a["title"],
            "",
            f"Author: {by}",
            "",
            f"Publication info: {a['outlet']}; New York [New York]. {pdate}.",
            "",
            "ProQuest document link",
            "",
            "ABSTRACT",
            "",
            abstract,
            "",
            "FULL TEXT",
            "",
        ]
        for p in a["paragraphs"]:
            lines += [p, ""]
        fields = [
            f"Credit: By {by}",
            "Illustration: Photograph",
            "Subject terms: Climate change; Global warming; Emissions",
            "Identifier / keyword: climate; Trump; environment",
            f"Title: {a['title']}",
            f"Publication title: {a['outlet']}; New York",
            f"Publication date: {pdate}",
            "Section: News",
            "Publisher: Newstex LLC",
            "Place of publication: New York",
            "Country of publication: United States",
            "Source type: Blogs, Podcasts, & Websites",
            "Language of publication: English",
            "Document type: News",
            f"ProQuest document ID: {docid}",
            f"Document URL: https://www.proquest.com/blogs-podcasts-websites/docview/{docid}/se-2?accountid=14512",
            f"Copyright: Copyright {y} {a['outlet']}. All rights reserved.",
            "Last updated: 2021-04-12",
            "Database: Global Newsstream",
        ]
        for f in fields:
            lines += [f, ""]
        debris.extend([(fname, i, "field", f) for f in fields if not f.startswith("Title:")])
        debris.extend(
            [(fname, i, "field", f"Author: {by}"), (fname, i, "field", "ProQuest document link")]
        )
        lines += [sep, ""]
    lines += [
        "Contact ProQuest",
        "Copyright © 2026 ProQuest LLC. All rights reserved. - Terms and Conditions",
    ]
    debris.append((fname, 0, "footer", "Contact ProQuest"))
    (OUT / fname).write_text("\n".join(lines), encoding="utf-8")


def factiva(arts, fname):
    lines = []
    for i, a in enumerate(arts, 1):
        y, m, d = a["date"].split("-")
        code = re.sub(r"[^A-Z]", "", a["outlet"].upper())[:6].ljust(6, "X")
        an = f"Document {code}00{y}{m}{d}ef{chr(96 + int(m))}{int(d):x}000{i}t"
        by = BYLINES[(i * 11 + 1) % len(BYLINES)]
        ps = a["paragraphs"]
        lines += [
            f"HD {a['title']}",
            f"BY {by}",
            f"WC {words(a):,} words",
            f"PD {int(d)} {MONTHS[int(m) - 1]} {y}",
            f"SN {a['outlet']}",
            f"SC {code}",
            "LA English",
            f"CY Copyright {y} {a['outlet']}. All Rights Reserved.",
            f"LP {ps[0]}",
            "",
        ]
        lp2 = ps[1:2]
        for p in lp2:
            lines += [p, ""]
        lines += [f"TD {ps[2]}", ""]
        for p in ps[3:]:
            lines += [p, ""]
        tail = [
            "NS gclimt : Climate Change | genv : Natural Environment | gcat : Political/General News",
            "RE usa : United States | namz : North America",
            "IPD News",
            f"PUB {a['outlet']}",
            an,
        ]
        lines += tail + ["", ""]
        debris.extend(
            [
                (fname, i, "field", f"WC {words(a):,} words"),
                (fname, i, "field", f"SC {code}"),
                (fname, i, "field", "LA English"),
                (fname, i, "field", f"BY {by}"),
            ]
            + [(fname, i, "field", t) for t in tail]
        )
    lines += [
        "Search Summary",
        "Text\tclimate change",
        "Date\t01/01/2017 to 12/31/2019",
        "Source\tAll Sources",
        "Results Found\t1,204",
        "Timestamp\t3 March 2026 14:02",
        "",
        "© 2026 Factiva, Inc. All rights reserved.",
    ]
    debris.extend(
        [(fname, 0, "footer", "Search Summary"), (fname, 0, "footer", "Results Found\t1,204")]
    )
    (OUT / fname).write_text("\n".join(lines), encoding="utf-8")


def mojibake(s):
    return s.encode("utf-8").decode("cp1252", errors="replace")


def curly(s):
    s = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", s)
    return s.replace(" -- ", " \u2014 ")


SCRAPED = [  # (file stem, [(after paragraph index, kind, text) ...], inline (para, kind, text), mojibake)
    (
        "www.huffpost.com_closing-epa-great-lakes-office",
        [
            (0, "image_credit", "Scott Olson via Getty Images"),
            (
                0,
                "caption",
                "Lake Michigan near Chicago. The regional office oversees cleanup in eight states.",
            ),
            (2, "related", "Related: What Scott Pruitt\u2019s EPA Means For Your Drinking Water"),
            (
                4,
                "newsletter",
                "Sign up for the HuffPost Green newsletter \u2014 the planet, every Thursday.",
            ),
            (-1, "share", "Share this story: Facebook Twitter Email"),
            (-1, "comment", "Join the conversation \u00bb 38 comments"),
        ],
        None,
        True,
    ),
    (
        "www.rt.com_next-deepwater-horizon-lease-sale",
        [
            (
                1,
                "tweet",
                "The Gulf lease sale is a giveaway to Big Oil. We\u2019ve seen how this ends. #KeepItInTheGround pic.twitter.com/x7QpR2mLkd",
            ),
            (1, "tweet", "\u2014 Gulf Restoration Network (@HealthyGulf) March 21, 2018"),
            (3, "read_more", "READ MORE: Trump opens nearly all US coastal waters to oil drilling"),
            (-1, "share", "Like this story? Share it with a friend!"),
        ],
        None,
        True,
    ),
    (
        "www.bbc.com_paris-climate-aim-still-achievable",
        [
            (0, "image_credit", "Image copyright Getty Images"),
            (
                0,
                "caption",
                "Image caption Keeping warming to 1.5C would need deep cuts in emissions",
            ),
            (3, "follow", "Follow Matt on Twitter and on Facebook."),
            (-1, "related", "Related Topics"),
        ],
        None,
        False,
    ),
    (
        "www.motherjones.com_forest-service-fire-strategy",
        [
            (1, "ad", "Advertisement"),
            (
                2,
                "newsletter",
                "Looking for news you can trust? Subscribe to the Mother Jones Daily to have our top stories delivered directly to your inbox.",
            ),
            (
                -1,
                "bio",
                "Staff reporter covering the environment and public lands. Previously at the Denver Post.",
            ),
            (-1, "comment", "We want to hear from you. Leave a comment below."),
        ],
        None,
        False,
    ),
    (
        "www.breitbart.com_schwarzenegger-misses-the-point",
        [
            (
                1,
                "tweet",
                "Tear down this wall? No, the world is taking down the Paris withdrawal. Watch: https://t.co/Qm3vB8nZp1",
            ),
            (1, "tweet", "\u2014 Arnold (@Schwarzenegger) June 1, 2017"),
            (2, "ad", "ADVERTISEMENT - CONTINUE READING BELOW"),
            (-1, "bio", "Follow James Delingpole on Twitter @JamesDelingpole"),
        ],
        None,
        False,
    ),
    (
        "www.cnn.com_trump-administration-swaps-climate-change",
        [
            (0, "image_credit", "Photo: Mandel Ngan/AFP/Getty Images"),
            (2, "read_more", "READ MORE: EPA removes climate change pages from its website"),
            (4, "share", "Share Tweet Email"),
            (
                -1,
                "copyright",
                "\u00a9 2017 Cable News Network. Turner Broadcasting System, Inc. All Rights Reserved.",
            ),
        ],
        None,
        False,
    ),
]
SCRAPED_IDS = [664, 559, 743, 437, 833, 688]


def scraped(arts):
    out = {}
    by_id = {a["id"]: a for a in arts}
    for (stem, items, _inline, moj), aid in zip(SCRAPED, SCRAPED_IDS):
        a = dict(by_id[aid])
        if moj:
            a["paragraphs"] = [curly(p) for p in a["paragraphs"]]
            a["title"] = curly(a["title"])
        fname = f"scraped/{stem}.txt"
        ps = a["paragraphs"]
        blocks = [a["title"], ""]
        for j, p in enumerate(ps):
            blocks += [p, ""]
            for k, kind, t in items:
                if (len(ps) - 1 if k == -1 else min(k, len(ps) - 2)) == j:
                    blocks += [t, ""]
        for k, kind, t in items:
            debris.append((fname, 0, kind, t))
        text = "\n".join(blocks)
        if moj:
            text = mojibake(text)
        (OUT / fname).write_text(text, encoding="utf-8")
        out[fname] = {"1": {k: v for k, v in a.items() if k != "trailer"}}
    return out


def main():
    (OUT / "scraped").mkdir(parents=True, exist_ok=True)
    arts = load()
    ids = [a["id"] for a in arts]
    scr = set(SCRAPED_IDS)
    rest = [a for a in arts if a["id"] not in scr]
    assert len(rest) == 18
    files = {
        "nexis_uni_climate_word_export.txt": (nexis, rest[0:6]),
        "proquest_climate_export.txt": (proquest, rest[6:12]),
        "factiva_climate_export.txt": (factiva, rest[12:18]),
    }
    bodies = {}
    for fname, (fn, group) in files.items():
        fn(group, fname)
        bodies[fname] = {
            str(i): {k: v for k, v in a.items() if k != "trailer"} for i, a in enumerate(group, 1)
        }
    bodies.update(scraped(arts))
    (OUT / "bodies.json").write_text(
        json.dumps(bodies, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    with open(OUT / "debris.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "doc", "kind", "text"])
        w.writerows(debris)
    print("articles", ids)


if __name__ == "__main__":
    main()
