"""Cleaning: every rule by in/out pairs, texts that must not change, and the seeds audited line by
line."""

from pathlib import Path

import pytest

from presslens.ingest import clean

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def cleaned(raw: str, title: str | None = "Given title") -> clean.Cleaned:
    return clean.clean(raw, title=title)


@pytest.mark.parametrize(
    ("raw", "text", "rules"),
    [
        (
            "Body one.\nNo time to read?\nGet a summary\nBody two.",
            "Body one.\nBody two.",
            ["summary_box", "summary_box"],
        ),
        (
            "Body.\nPrevious Article\n\nSome Other Headline\n\nNext Article\n\nAnother Headline",
            "Body.",
            ["article_navigation"] * 4,
        ),
        ("Body ends here. [Source: Agency briefings]", "Body ends here.", ["source_note"]),
        (
            "Body.\nShare this article\nAdvertisement\nMore body.",
            "Body.\nMore body.",
            ["share_and_subscribe", "share_and_subscribe"],
        ),
        ("Body.\n© 2025 Some Media Group. All rights reserved.", "Body.", ["copyright"]),
        (
            "A real article body ends with a sentence.\n\nFirst Unrelated Headline About "
            "Markets\nSecond Unrelated Headline On Sports\nThird Unrelated Headline Of Weather",
            "A real article body ends with a sentence.",
            ["trailing_headlines"] * 3,
        ),
    ],
)
def test_rules_remove(raw: str, text: str, rules: list[str]) -> None:
    res = cleaned(raw)
    assert res.text == text
    assert [r[2] for r in res.removed] == rules


@pytest.mark.parametrize(
    "raw",
    [
        "A sentence that mentions the previous article in passing.",
        "Kurti said: “No time to read the report was given.”",
        "The summary box was criticised. Get a summary of the talks, he said.",
        # a subheading stays
        "Violent Clashes Spark Urgent Security Concerns\n\nThe push came after clashes.",
        # fewer than 3 headline lines: kept
        "One body line.\nTwo Short Title Case Lines\nAt The End",
        "„Out of control,” he said. «Guillemets» stay.",
        "The [bracketed aside] is not a source note.",
    ],
)
def test_must_not_change(raw: str) -> None:
    res = cleaned(raw)
    assert res.text == raw
    assert res.removed == []


def test_headline_moves_to_title_and_repeated_subtitle_goes() -> None:
    res = clean.clean(
        "Kosovo Seeks Swift NATO Membership Amid Tensions\nKosovo seeks fast-track NATO "
        "membership amid tensions\n\nBody sentence."
    )
    assert res.title == "Kosovo Seeks Swift NATO Membership Amid Tensions"
    assert res.title_basis == "headline line"
    assert res.text == "Body sentence."
    assert [r[2] for r in res.removed] == ["headline", "repeated_headline"]


def test_lede_first_line_stays_in_body() -> None:
    raw = "The alliance said it is ready. It will act.\nSecond paragraph."
    res = clean.clean(raw)
    assert res.text == raw
    assert res.title == "The alliance said it is ready."
    assert res.title_basis.startswith("first sentence")


@pytest.mark.parametrize(
    ("raw", "title", "basis", "byline", "dateline"),
    [
        (
            "By Jane Doe\nNATO Warns Serbia Over Border\nWASHINGTON (AP) — The alliance warned.",
            "NATO Warns Serbia Over Border",
            "headline line",
            "By Jane Doe",
            "WASHINGTON (AP)",
        ),
        (
            "PRISTINA, Kosovo — On a visit, he spoke. More text.",
            "On a visit, he spoke.",
            "first sentence (no headline line)",
            "",
            "PRISTINA, Kosovo",
        ),
    ],
)
def test_title_is_never_a_byline_or_dateline(
    raw: str, title: str, basis: str, byline: str, dateline: str
) -> None:
    res = clean.clean(raw)
    assert (res.title, res.title_basis, res.byline, res.dateline) == (
        title,
        basis,
        byline,
        dateline,
    )


def test_source_note_goes_to_column() -> None:
    res = cleaned("Paragraph text. [Source: International security briefings]")
    assert res.source == "International security briefings"


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_cleaning_idempotent_on_seeds(name: str) -> None:
    first = clean.clean((SEEDS / name).read_text(encoding="utf-8"))
    again = clean.clean(first.text, title=first.title)
    assert again.text == first.text
    assert again.removed == []


# What cleaning must remove from the seeds, line by line, and nothing else.
EXPECTED_REMOVALS = {
    "000_d650c0096b15231c.txt": {1: "headline", 2: "repeated_headline"},
    "001_bf5fc222d0da8d07.txt": {},
    "002_8a3fadcf62c2e463.txt": {
        1: "headline",
        3: "summary_box",
        4: "summary_box",
        14: "source_note",
        16: "summary_box",
        17: "summary_box",
        18: "article_navigation",
        20: "article_navigation",
        22: "article_navigation",
        24: "article_navigation",
    },
    "003_e6e0045aead664b8.txt": {1: "dateline"},  # "PRISTINA, Kosovo —" to the dateline column
    "004_df3df1981ea36db8.txt": {n: "trailing_headlines" for n in range(13, 30)},
}


@pytest.mark.parametrize("name", sorted(EXPECTED_REMOVALS))
def test_seed_removals_exact(name: str) -> None:
    res = clean.clean((SEEDS / name).read_text(encoding="utf-8"))
    assert {line: rule for line, _, rule in res.removed} == EXPECTED_REMOVALS[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_REMOVALS))
def test_every_body_sentence_survives(name: str) -> None:
    """Every line of the raw file that cleaning did not log as removed is in the clean text
    whole."""
    raw = (SEEDS / name).read_text(encoding="utf-8")
    res = clean.clean(raw)
    spans = {"source_note", "dateline"}
    removed_lines = {line for line, _, rule in res.removed if rule not in spans}
    cut = {line: text for line, text, rule in res.removed if rule in spans}
    for n, line in enumerate(raw.split("\n"), start=1):
        if n in removed_lines or not line.strip():
            continue
        body = line.replace(cut.get(n, "\0"), "").strip()
        assert body in res.text, f"{name}:{n} lost"


# Furniture of news-database exports and scraped pages: (raw, clean text, rules in line order).
EXPORT_PAIRS = [
    (
        "ABSTRACT\nThe lead of the story.\nFULL TEXT\nBody paragraph one.\nSubject: Climate change;"
        " Emissions\nLocation: United States--US\nPublication title: The Daily Paper; New York\n"
        "Publication date: Jan 22, 2019\nSource type: Newspapers\nLanguage of publication: "
        "English\n"
        "Document type: News\nProQuest document ID: 2170921234\nDocument URL: https://x.example/1\n"
        "Copyright: Copyright The Daily Paper Jan 22, 2019\nLast updated: 2019-01-23\n"
        "Database: US Newsstream",
        "The lead of the story.\nBody paragraph one.",
        ["export_header", "export_header"]
        + ["proquest_field"] * 9
        + ["copyright"]
        + ["proquest_field"] * 2,
    ),
    (
        "3 of 25 DOCUMENTS\nBody\nThe story starts here.\nLoad-Date: January 23, 2019\n"
        "Length: 523 words\nSection: NEWS; Pg. 5\nLanguage: ENGLISH\nPublication-Type: Newspaper\n"
        "Graphic: Protesters in London\nEnd of Document",
        "The story starts here.",
        ["document_separator", "export_header"]
        + ["nexis_field", "nexis_field", "proquest_field"]
        + ["nexis_field"] * 3
        + ["document_separator"],
    ),
    (
        "HD\nThe story starts here.\nWC 523 words\nPD 22 January 2019\nSN The Guardian\nSC GDN\n"
        "LA English\nCY (c) 2019 Guardian News\nNS gclimt : Climate Change | gcat : Political\n"
        "AN Document GDN0000020190122ef1m0005x",
        "The story starts here.",
        ["factiva_field"] * 9,
    ),
    (
        "Document 1 of 3\n____________________________\nThe story.\nJanuary 22, 2019 Tuesday",
        "The story.",
        ["document_separator", "document_separator", "date_line"],
    ),
    (
        "The story.\nThe post Climate talks stall appeared first on Daily Site.",
        "The story.",
        ["feed_footer"],
    ),
    ("The story goes on. Continue reading...", "The story goes on.", ["feed_footer"]),
    (
        "Protesters blocked the road. — Sam Sweeney (@SweeneyABC) September 23, 2019Monday's "
        "protests pic.twitter.com/AbC123 followed.",
        "Protesters blocked the road. Monday's protests followed.",
        ["tweet_markup", "tweet_markup"],
    ),
    ('He tweeted. tweet-id="1086712123456789" The end.', "He tweeted. The end.", ["tweet_markup"]),
    ("He tweeted. [tweet-id: 1086712123456789] The end.", "He tweeted. The end.", ["tweet_markup"]),
    (
        "Read it. [tweet https://twitter.com/x/status/1] Then "
        "https://twitter.com/x/status/12?s=2 it.",
        "Read it. Then it.",
        ["tweet_markup", "tweet_markup"],
    ),
    ("Body.\nEmbed from Getty Images\nMore.", "Body.\nMore.", ["image_credit_line"]),
    (
        "Body.\nFollow Jane Doe on Twitter\nEnter your email address\nMore.",
        "Body.\nMore.",
        ["prompt_line", "prompt_line"],
    ),
    (
        "The plan was unveiled. (Photo: Kevin Lamarque/Reuters)On the eve of the vote.",
        "The plan was unveiled. On the eve of the vote.",
        ["photo_credit"],
    ),
    (
        "Crowds gathered. (Photo by Jane Roe/Getty Images) Police watched.",
        "Crowds gathered. Police watched.",
        ["photo_credit"],
    ),
    (
        "The site burned. (AP Photo/Ellen Knickmeyer)Officials outlined plans.",
        "The site burned. Officials outlined plans.",
        ["agency_photo_credit"],
    ),
    (
        "Activists Shut Down D.C. Mark Wilson / Getty Images Climate protesters block traffic.",
        "Activists Shut Down D.C. Climate protesters block traffic.",
        ["name_agency_credit"],
    ),
    (
        "Body. Image copyright Getty Images Image caption Activists marched in London",
        "Body. Activists marched in London",
        ["bbc_image_labels", "bbc_image_labels"],
    ),
    (
        "Body. Image copyright Toshie Kurosawa/Getty Images Image caption May at a factory",
        "Body. May at a factory",
        ["bbc_image_labels", "bbc_image_labels", "name_agency_credit"],
    ),
    (
        "Know this\nEnlarge this image toggle caption Alex Wong/Getty Images\nHide Caption 7 of 14",
        "Know this",
        ["name_agency_credit", "bbc_image_labels", "bbc_image_labels", "bbc_image_labels"],
    ),
    (
        "Body.\nPhoto: Jane Roe\nGetty Images\nAP Photo/John Doe\nMore.",
        "Body.\nMore.",
        ["image_credit_line"] * 3,
    ),
    (
        "Emissions rose. (RELATED: Another Study Is Full Of Errors)And the debate went on.",
        "Emissions rose. And the debate went on.",
        ["related_inline"],
    ),
    ("Body.\nREAD MORE: Climate talks stall in Bonn\nMore.", "Body.\nMore.", ["related_line"]),
    (
        "It ends here. Think your friends would be interested? Share this story!",
        "It ends here.",
        ["prompt_inline"],
    ),
    (
        "The news, in short. Sign up for the Vox Sentences newsletter, delivered straight to your "
        "inbox. The rest.",
        "The news, in short. The rest.",
        ["prompt_inline"],
    ),
    (
        "Body.\nSign up for our daily newsletter\nFollow us on Twitter\nMore.",
        "Body.\nMore.",
        ["share_and_subscribe", "share_and_subscribe"],
    ),
]


@pytest.mark.parametrize(
    "raw",
    [
        "Getty Images, the photo agency, said it would license the pictures.",
        "He told Reuters on Monday that the plan - a modest one - would pass.",
        "She posted a tweet calling the plan a disaster.",
        "The abstract of the study said warming was accelerating.",
        "ABSTRACT EXPRESSIONISM and the pop art of the sixties were shown FULL TEXT searches "
        "were both discussed at length here.",
        "Abstract art sold well.",
        "Abstract Art Sells Well In Paris",
        "By the end of 2019, emissions had fallen.",
        "By Monday, the talks had stalled.",
        "The PA-based group said the subject was closed.",
        "NATO-led troops stayed.",
        "Related issues were discussed: taxes and trade.",
        "The post office appeared first on the list of closures, he said.",
        "Readers can sign up for alerts, the agency said.",
        "Trump (@realDonaldTrump) wrote that he disagreed.",
        "Photographs show the damage.",
        "The photo, taken by an AP photographer, went viral.",
        "Subject to approval, the plan goes ahead.",
        "In a statement, the ministry said it would respond.",
    ],
)
def test_export_rules_leave_sentences_alone(raw: str) -> None:
    res = cleaned(raw)
    assert res.text == raw
    assert res.removed == []


@pytest.mark.parametrize(
    ("raw", "byline", "dateline", "text"),
    [
        (
            "By Jane Doe\nWASHINGTON (AP) — Democrats called for a vote.",
            "By Jane Doe",
            "WASHINGTON (AP)",
            "Democrats called for a vote.",
        ),
        (
            "By JANE DOE and JOHN ROE, Associated Press\nLONDON (Reuters) - The pound fell.",
            "By JANE DOE and JOHN ROE, Associated Press",
            "LONDON (Reuters)",
            "The pound fell.",
        ),
        (
            "KABUL, Afghanistan — A blast hit the city.",
            "",
            "KABUL, Afghanistan",
            "A blast hit the city.",
        ),
        ("Byline: Jane Doe\nThe story.", "Jane Doe", "", "The story."),
        (
            "Democrats Mobilize On Green New Deal WASHINGTON (AP) — Democrats are calling for it.",
            "",
            "WASHINGTON (AP)",
            "Democrats Mobilize On Green New Deal Democrats are calling for it.",
        ),
        (
            "The plan (Reuters) – U.S. officials said.",
            "",
            "(Reuters)",
            "The plan U.S. officials said.",
        ),
    ],
)
def test_byline_and_dateline_go_to_columns(raw: str, byline: str, dateline: str, text: str) -> None:
    res = cleaned(raw)
    assert (res.byline, res.dateline, res.text) == (byline, dateline, text)


LEAD = (
    "Democrats including Rep. Alexandria Ocasio-Cortez of New York are calling for a Green New "
    "Deal to tackle climate change."
)


@pytest.mark.parametrize(
    "abstract",
    [
        LEAD,  # exact
        LEAD.replace("Rep. ", "").replace("tackle", "fight"),  # near: small differences
        LEAD.split(" to tackle")[0] + ".",  # a shortened abstract
    ],
)
def test_lead_printed_twice_kept_once(abstract: str) -> None:
    raw = f"ABSTRACT\n{abstract}\nFULL TEXT\n{LEAD}\nThe second paragraph follows."
    res = cleaned(raw)
    assert res.text == f"{LEAD}\nThe second paragraph follows."
    assert [r[2] for r in res.removed] == ["export_header", "repeated_lead", "export_header"]


@pytest.mark.parametrize(
    ("raw", "text", "removed"),
    [
        (
            f"ABSTRACT {LEAD} FULL TEXT {LEAD} The second paragraph follows.",
            f"{LEAD} The second paragraph follows.",
            [f"ABSTRACT {LEAD} FULL TEXT"],
        ),
        (
            "ABSTRACT A study of voters in three states over ten years of elections. FULL TEXT "
            f"{LEAD} More.",
            f"A study of voters in three states over ten years of elections. {LEAD} More.",
            ["ABSTRACT", "FULL TEXT"],
        ),
    ],
)
def test_lead_printed_twice_in_one_line(raw: str, text: str, removed: list[str]) -> None:
    res = cleaned(raw)
    assert res.text == text
    assert sorted(r[1] for r in res.removed) == sorted(removed)
    assert {r[2] for r in res.removed} == {"repeated_lead_inline"}


def test_lead_printed_twice_with_labels_on_the_line() -> None:
    res = cleaned(f"ABSTRACT {LEAD}\nFULL TEXT {LEAD}\nMore.")
    assert res.text == f"{LEAD}\nMore."
    assert sorted(r[2] for r in res.removed) == ["export_label", "export_label", "repeated_lead"]


def test_different_paragraphs_both_stay() -> None:
    raw = f"{LEAD}\nRepublicans said the plan would cost trillions and hurt workers in the Midwest."
    assert cleaned(raw).text == raw


def test_clean_articles_adds_columns() -> None:
    import pandas as pd

    arts = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "title": ["T", None, None],
            "raw": ["By Jane Doe\nLONDON (Reuters) - PeÃ±a spoke.", "Plain text here.", ""],
            "status": ["ok", "ok", "quarantined"],
        }
    )
    out, removed = clean.clean_articles(arts)
    assert list(out["byline"]) == ["By Jane Doe", "", ""]
    assert list(out["dateline"]) == ["LONDON (Reuters)", "", ""]
    assert list(out["repairs"]) == [1, 0, 0] and out["repairs"].dtype == "int64"
    assert out.at[0, "text"] == "Peña spoke."
    assert list(removed["rule"]) == ["byline", "dateline"]


@pytest.mark.parametrize(("raw", "_", "__"), EXPORT_PAIRS)
def test_export_cleaning_idempotent(raw: str, _: str, __: list[str]) -> None:
    first = cleaned(raw)
    again = cleaned(first.text)
    assert again.text == first.text and again.removed == []


# Classes of furniture found on a second, independently built set of exports and pages: "Full
# text:" alone, Nexis "Highlight:", every Factiva field code, page footers, tweet embeds (markup
# and the embedded tweet's own text), HTML left in text, advertisement and share prompts.
EMBED_BEFORE, EMBED_AFTER = "Body paragraph one.\n\n", "\n\nBody paragraph two."
FURNITURE_PAIRS = [
    (
        "Abstract: None available.\n\nFull text:\n\nThe Amazon is burning at an alarming rate.",
        "The Amazon is burning at an alarming rate.",
        ["export_header", "export_header"],
    ),
    (
        "Byline: Naomi Marsh\n\nHighlight: Prince Harry defends use of private jets\n\nBody\n\n"
        "The Duke of Sussex has defended his use of private jets.",
        "The Duke of Sussex has defended his use of private jets.",
        ["export_byline", "nexis_field", "export_header"],
    ),
    (
        "CR Dow Jones\nSE Opinion\nCLM Letters\nHLP Der Klimawandel\nART Smoke rises from a plant."
        "\nRF Reference 123\nVOL 12\nThe text of the story.\nIPD Science\nIPC climate\n"
        "IPD US News\nCT Contact the desk\nAN Document DAICAL0020180814ee8e000mk",
        "The text of the story.",
        ["factiva_field"] * 12,
    ),
    (
        "There is no debate.\n\nPage 2 of 24 © 2026 Factiva, Inc. All rights reserved.\n\n"
        "The answer is most of it. Page 3 of 24 © 2026 Factiva, Inc. All rights reserved.",
        "There is no debate.\n\nThe answer is most of it.",
        ["document_separator", "page_footer"],
    ),
    (
        EMBED_BEFORE + '<blockquote class="twitter-tweet" data-lang="en">\nAnother day, another '
        "rollback. https://t.co/V2K5kKVdNX pic.twitter.com/ZN8Sd4tkuD\n— Rachel Doe (@rdoe) May "
        "18, 2019" + EMBED_AFTER,
        EMBED_BEFORE.strip() + EMBED_AFTER,
        ["tweet_embed"] * 3,
    ),
    (
        EMBED_BEFORE + "Cannot make this up.\npic.twitter.com/Unaqw4xUSM\n— Ingrid Doe (@idoe) "
        'November 4, 2019\n<script async src="https://platform.twitter.com/widgets.js" '
        'charset="utf-8"></script>' + EMBED_AFTER,
        EMBED_BEFORE.strip() + EMBED_AFTER,
        ["tweet_embed"] * 4,
    ),
    (
        EMBED_BEFORE + 'class="twitter-tweet" data-lang="en" data-tweet-id="870271461753862346"\n'
        "Proud to stand with the young people.\n— Sam Roe (@sroe) June 1, 2017" + EMBED_AFTER,
        EMBED_BEFORE.strip() + EMBED_AFTER,
        ["tweet_embed"] * 3,
    ),
    (
        EMBED_BEFORE + "If you think this is about the weather, think again. pic.twitter.com/SXo"
        "\n— Colin Roe (@croe) May 1, 2018\ntweet-id: 991232756417143746" + EMBED_AFTER,
        EMBED_BEFORE.strip() + EMBED_AFTER,
        ["tweet_embed"] * 3,
    ),
    (
        EMBED_BEFORE + '<blockquote class="twitter-tweet" data-lang="en">\n<p lang="en" dir="ltr">'
        "We must act now.</p>\n&mdash; Sam Roe (@sroe) June 1, 2017\n</blockquote>" + EMBED_AFTER,
        EMBED_BEFORE.strip() + EMBED_AFTER,
        ["tweet_embed"] * 4,
    ),
    (
        EMBED_BEFORE + '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">We must act. <a '
        'href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; Sam Roe (@sroe) <a href="'
        'https://twitter.com/sroe/status/123">June 1, 2017</a></blockquote>\n<script async src="'
        'https://platform.twitter.com/widgets.js" charset="utf-8"></script>' + EMBED_AFTER,
        EMBED_BEFORE.strip() + EMBED_AFTER,
        ["tweet_embed_html", "html_markup"],
    ),
    (
        'Body one.\n<div class="ad-slot"></div>\n</blockquote>\nBody <em>two</em> ends here.',
        "Body one.\nBody two ends here.",
        ["html_markup", "html_markup", "html_tags", "html_tags"],
    ),
    (
        "Body one.\nStory continues below advertisement\nCopy link\nShare on Facebook Share on "
        "Twitter Share via Email\nFacebook | Twitter | Email\nAdvertisement - Scroll to continue\n"
        "Think your friends would be interested? Share this story!\nBody two.",
        "Body one.\nBody two.",
        ["ad_prompt", "share_buttons", "share_buttons", "share_buttons", "ad_prompt"]
        + ["prompt_inline"],
    ),
    (  # a signature without a marked tweet above it: only the signature goes
        "Smith wrote on Twitter that the vote was a disgrace.\nThe senator replied.\n— Jane Roe "
        "(@jroe) June 1, 2017\nBody two.",
        "Smith wrote on Twitter that the vote was a disgrace.\nThe senator replied.\nBody two.",
        ["tweet_embed"],
    ),
    (  # a signature glued to a sentence: the sentence stays
        "He said so, and she agreed. The vote was a disgrace — Jane Roe (@jroe) June 1, 2017",
        "He said so, and she agreed. The vote was a disgrace",
        ["tweet_markup"],
    ),
]


@pytest.mark.parametrize(
    "raw",
    [
        "The company bought an advertisement on Facebook to reach young voters.",
        "Advertisements for the plan ran on every page of the paper.",
        "Share prices fell after the news broke on Twitter.",
        "She shared the story on Facebook and Twitter, where it was copied widely.",
        "Facebook and Twitter removed the posts within hours.",
        "Copy link? No, he said, the link was already public.",
        "The story continues below the surface of the ice, scientists say.",
        "Page 2 of the 24-page report lists the emissions of every state.",
        "Highlights of the report include faster sea-level rise.",
        "A tweet by Smith read: “We must act now.”",
        "CT scans showed the damage to the reactor.",
        "IPC warns of famine in Yemen as the drought deepens.",
        "SE Asia faces a haze crisis as fires spread.",
        "Read the full text: the ministry published the abstract first.",
        "Prices rose 5 < 7 percent, and x > y in every model.",
        "The senator posted the full text of the bill on his page.",
    ],
)
def test_mentions_of_platforms_ads_and_pages_stay(raw: str) -> None:
    res = cleaned(raw)
    assert res.text == raw
    assert res.removed == []


@pytest.mark.parametrize(
    "paragraphs",
    [
        # an article's own short paragraphs around an embed, no blank lines between them
        ["Short body line one.", "Short body line two.", "— Jane Roe (@jroe) June 1, 2017"],
        ["Trump tweeted about the plan on Monday.", "Body paragraph follows."],
    ],
)
def test_body_paragraphs_never_taken_for_a_tweet(paragraphs: list[str]) -> None:
    res = cleaned("\n".join(paragraphs))
    kept = [p for p in paragraphs if "(@" not in p]
    assert res.text == "\n".join(kept)


@pytest.mark.parametrize(
    ("abstract", "dropped"),
    [
        ("A coal-fired power plant in central Poland.", True),  # the first sentence, 7 words
        ("Emissions rose again in 2018, the agency said.", True),
        ("A coal-fired plant in Poland.", False),  # not word for word: stays
    ],
)
def test_abstract_of_the_first_sentence_kept_once(abstract: str, dropped: bool) -> None:
    lead = "A coal-fired power plant in central Poland." if "Poland" in abstract else abstract
    body = f"{lead} Global emissions rose in 2018 and are on track to rise again."
    res = cleaned(f"Abstract: {abstract}\n\nFull text:\n\n{body}\n\nMore text.")
    assert res.text == (
        f"{body}\n\nMore text." if dropped else f"{abstract}\n\n{body}\n\nMore text."
    )
    assert ("repeated_lead" in [r[2] for r in res.removed]) is dropped


# Classes found on a third independently built set: export fields still left (ProQuest Pages,
# Links, "None available."; LexisNexis Academic fields in capitals; the Nexis Notes section),
# and page furniture (author bios, comment counters, "Story continues below", share labels,
# donation and tip prompts, Instagram embeds, related-story lists, time stamps, a tweet's text
# one blank line above its signature).
B, A = "Body paragraph one.\n\n", "\n\nBody paragraph two."
THIRD_SET_PAIRS = [
    (
        "Body.\n\nPages: n/a\n\nPages: A.1\n\nLinks: Linking Service\n\nVolume: 12\n\nIssue: 3",
        "Body.",
        ["proquest_field"] * 5,
    ),
    (
        "ABSTRACT\n\nNone available.\n\nFULL TEXT\n\nBody.",
        "Body.",
        ["export_header", "export_empty_value", "export_header"],
    ),
    (
        "Body.\n\nJOURNAL-CODE: WEB\n\nDOCUMENT-TYPE: News\n\nGRAPHIC: PHOTO: A plant.\n\n"
        "DISTRIBUTION: Metro\n\nSERIES: Climate\n\nURL: http://x.com/a\n\nCORRECTION-DATE: May 2,"
        " 2019\n\nACC-NO: 12345\n\nSTATE: NEW YORK",
        "Body.",
        ["nexis_field"] * 4
        + ["proquest_field"]
        + ["nexis_field"] * 2
        + ["lexisnexis_caps_field"] * 2,
    ),
    (
        "Body.\n\nNotes\n\nThis article has been updated to include a response.\n\nClassification",
        "Body.",
        ["nexis_notes", "nexis_notes", "nexis_field"],
    ),
    (
        B + "Jane Doe is a reporter covering national politics for Daily Kos. Follow him on "
        "Twitter @jdoe.",
        B.strip(),
        ["author_bio"],
    ),
    (
        B + "Leave a comment\n\n12 Comments\n\nSam Roe is the senior climate correspondent at The"
        " Hill.\n\nComments\n\nShow comments (48)",
        B.strip(),
        ["share_and_subscribe", "comment_prompt", "author_bio", "share_and_subscribe"]
        + ["comment_prompt"],
    ),
    (  # one-line page: the bio is its last sentence
        "The plan failed. Allum Bokhari is the senior technology correspondent at Breitbart News.",
        "The plan failed.",
        ["author_bio"],
    ),
    (
        B + "Join the conversation. Comments are moderated.\n\nStory continues below\n\nClick to "
        "share on Facebook (Opens in new window)\nClick to email this to a friend (Opens in new "
        "window)\n\nSupport independent journalism. Donate today.\n\nHave a tip? Send it to "
        "tips@example.com" + A,
        B.strip() + A,
        ["comment_prompt", "ad_prompt", "share_link_label", "share_link_label", "donate_prompt"]
        + ["tip_prompt"],
    ),
    (
        "The effort followed an earlier one. Story continues below advertisement U.S. Judge Laporte"
        " ruled.",
        "The effort followed an earlier one. U.S. Judge Laporte ruled.",
        ["story_continues"],
    ),
    (
        B + "View this post on Instagram\n\nMarching for our future today #climatestrike\n\nA post"
        " shared by Dana Doe (@danadoe) on Apr 2, 2017 at 9:14am PDT" + A,
        B.strip() + A,
        ["instagram_embed"] * 3,
    ),
    (
        B + '<blockquote class="instagram-media" data-instgrm-captioned><div><a href="https://www'
        '.instagram.com/p/yr4L/">View this post on Instagram</a><p>A post shared by Tom Roe '
        "(@troe) on Oct 23, 2017</p></div></blockquote>\n"
        '<script async src="//www.instagram.com/embed.js"></script>' + A,
        B.strip() + A,
        ["social_embed_html", "html_markup"],
    ),
    (
        B + "Related:\n• Scientists warn Arctic summers could be ice-free by 2040\n• Democrats "
        "unveil sweeping climate bill ahead of midterms" + A,
        B.strip() + A,
        ["related_list"] * 3,
    ),
    (
        B + "RELATED ARTICLES\nWind power overtakes coal in Texas for the first time\nInside the "
        "fight over the Keystone XL pipeline\nWildfire season is getting longer, study finds" + A,
        B.strip() + A,
        ["related_list"] * 4,
    ),
    (
        "By Jane Doe\nUpdated 5:32 PM ET, Sun December 15, 2019\nPublished 3:04 p.m. ET Oct. 23, "
        "2017\nPosted on March 3, 2019\n\nBody.",
        "Body.",
        ["byline", "timestamp_line", "timestamp_line", "timestamp_line"],
    ),
    (  # the tweet's text one blank line above its signature, marked by its links
        B + "Another day, another rollback. https://t.co/z18G6voZPN pic.twitter.com/NPZov6G81z\n\n"
        "— Climate Desk (@ClimateDesk) December 15, 2019" + A,
        B.strip() + A,
        ["tweet_embed"] * 2,
    ),
    ("Body.\n\n[Image via screenshot]\n\nMore.", "Body.\n\nMore.", ["bracket_credit"]),
    (  # list items that end like sentences are the article's: only the header goes
        "Body.\nRelated:\n• Cut emissions 45% by 2030.\n• Reach net zero by 2050.",
        "Body.\n• Cut emissions 45% by 2030.\n• Reach net zero by 2050.",
        ["related_links"],
    ),
]


@pytest.mark.parametrize(("raw", "text", "rules"), EXPORT_PAIRS + FURNITURE_PAIRS + THIRD_SET_PAIRS)
def test_export_and_page_furniture(raw: str, text: str, rules: list[str]) -> None:
    """Each piece of export and page furniture (of the three export sets, development): removed
    with its rule, and cleaning the result again removes nothing."""
    res = cleaned(raw)
    assert res.text == text
    assert [r[2] for r in res.removed] == rules
    assert clean.clean(res.text, title="Given title").removed == []  # idempotent


@pytest.mark.parametrize(
    "raw",
    [
        # a bio-like sentence inside the article, and one without an outlet after the role
        "Smith is a reporter covering national politics for CNN. He broke the story.\n\nMore body.",
        "Body one.\n\nSmith is a reporter who covered the hearings for years.",
        "Body.\n\nJane Roe is a reporter for The Times. She said the plan failed.",
        "After years of public comments, the EPA finalized the rule.",
        "The comments section of the rule drew 12 comments from utilities.",
        "Body.\n\nComments from the public are due by May 1.",
        # a list that is part of the article: no related header, items end like sentences
        "The plan has three points:\n• Cut emissions 45% by 2030\n• Reach net zero by 2050\n\n"
        "Critics called it vague.",
        "Related measures were passed.\n• Cut emissions 45% by 2030.\n• Reach net zero by 2050.",
        "The story continues below the surface, scientists say.",
        "Support for the bill grew. Donations rose, she said.",
        "Body.\n\nUpdated figures show emissions rose 2 percent in 2019.",
        "Body.\n\nPublished by Penguin in 2019, the book sold well.",
        "Body.\n\nView this post as a warning, he said.",
        "The State: New York case was dismissed.",
        "Body.\n\nState: New York",
        "Body.\n\nPages of the report were redacted.",
    ],
)
def test_third_set_body_stays(raw: str) -> None:
    res = cleaned(raw)
    assert res.text == raw
    assert res.removed == []


# Sentences that begin with a prompt's, a field label's or a credit's words, or with a short
# acronym and a dash: real article text, never furniture (each rule needs its own wording).
SENTENCES_LIKE_FURNITURE = [
    "Subscribe to that theory and you will be disappointed, he said.",
    "Subscribe to that theory, he said.",
    "Sign up for the vaccine opened on Monday to all adults over 50.",
    "Follow the money on Twitter and you will find the bots.",
    "Location: the meeting will be held in the town hall, organisers said.",
    "People: more than 2,000 were evacuated from the coast on Sunday.",
    "Subject: the plan was approved on Monday.",
    "Language: the words matter, she said.",
    "Highlight: the best moment came late.",
    "Watch: the minister refused to answer questions about the budget.",
    "Watch: The minister refused to answer questions about the budget.",
    "Photo by the numbers: 40 percent of voters stayed home.",
    "Notes\nThe central bank raised rates by half a point on Thursday.",
    "Image source: the satellite pictures were taken by Maxar.",
    "EU - UK talks ended without a deal on Friday, officials said.",
    "NATO — the alliance founded in 1949 — will meet in Vilnius.",
    "NATO - UK talks ended without a deal on Friday, officials said.",
]


@pytest.mark.parametrize("raw", SENTENCES_LIKE_FURNITURE)
def test_sentences_like_furniture_stay(raw: str) -> None:
    res = clean.clean(raw, title="T")
    assert res.text == raw
    assert res.removed == []
    assert res.dateline == ""


@pytest.mark.parametrize(
    ("raw", "rules"),
    [
        ("Body.\nSubscribe to our newsletter\nMore.", ["share_and_subscribe"]),
        ("Body.\nSign up to receive our daily briefing by email.\nMore.", ["prompt_line"]),
        ("Body.\nSubscribe now for unlimited access.\nMore.", ["prompt_line"]),
        ("Body.\nFollow @jdoe\nMore.", ["prompt_line"]),
        ("Body.\nFollow Jane Doe on Twitter and Instagram\nMore.", ["prompt_line"]),
        ("Body.\nLocation: United States--US\nMore.", ["proquest_field"]),
        ("Body.\nSubject: Climate change; Emissions\nMore.", ["proquest_field"]),
        ("Body.\nPublisher: Oath Inc.\nMore.", ["proquest_field"]),
        ("Body.\nPublication title: thehill; New York, N.Y.\nMore.", ["proquest_field"]),
        ("Body.\nLanguage: English\nMore.", ["nexis_field"]),
        ("Body.\nHighlight: The plan failed.\nMore.", ["nexis_field"]),
        ("Body.\nWatch: Is this the end of coal?\nMore.", ["related_line"]),
        ("Body.\nWatch: Trump mocks climate science\nMore.", ["related_line"]),
        ("Body.\nPhoto by Jane Roe\nMore.", ["image_credit_line"]),
        ("Body.\nImage source: Getty Images\nMore.", ["image_credit_line"]),
        ("Body.\nNotes\nThis article has been updated.\nMore.", ["nexis_notes"] * 2),
    ],
)
def test_furniture_with_its_wording_still_goes(raw: str, rules: list[str]) -> None:
    res = clean.clean(raw, title="T")
    assert res.text == "Body.\nMore."
    assert [r[2] for r in res.removed] == rules


@pytest.mark.parametrize(
    ("raw", "dateline", "text"),
    [
        ("WASHINGTON — The EPA said.", "WASHINGTON", "The EPA said."),
        ("NEW YORK — A storm hit.", "NEW YORK", "A storm hit."),
        ("KABUL, Afghanistan — Officials said.", "KABUL, Afghanistan", "Officials said."),
        ("LONDON (Reuters) - Britain said.", "LONDON (Reuters)", "Britain said."),
        ("WASHINGTON, Jan. 5 — The plan passed.", "WASHINGTON, Jan. 5", "The plan passed."),
        ("UN (AP) — Diplomats met.", "UN (AP)", "Diplomats met."),
    ],
)
def test_dateline_forms(raw: str, dateline: str, text: str) -> None:
    res = clean.clean(raw, title="T")
    assert (res.dateline, res.text) == (dateline, text)
