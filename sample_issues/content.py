"""The sample issues' text: four invented digest series, written fresh for this project.

Every headline and detail paragraph is *logical* text (one string, no line breaks, no markers);
``generate.py`` lays it out and writes the expected JSON from these same strings. The people,
companies and events are invented; places and public bodies are real only as scenery.

Issue keys: slug, series, label, volume, number, date (ISO or None), date_text (as printed, or
absent), title (printed title line, or absent), photo (credit line, or absent), headline_marker
(absent = no headline list), detail_marker, columns, hyphenate, size, letter (US Letter page),
numbered (Story style: <ol>), shows (coverage notes for README.md), items [(headline, body)].
Markers: "•", "▪", "–", "1.", "1)", or "circle"/"square" for vector shapes with no glyph.
"""

from __future__ import annotations

README_INTRO = """# Sample issues

Invented digest issues used as golden tests for the parser, demo data for the app and benchmark
input. Everything here is made by one script from one source of text:

```
.venv/bin/python sample_issues/generate.py            # rewrites every PDF, expected JSON and this README
.venv/bin/python sample_issues/generate.py --out DIR  # the same into another folder
```

- `content.py` holds the logical text of every issue (written fresh for this project; the people,
  firms and events are invented). `generate.py` lays it out with PyMuPDF in four producer styles
  (`plain` insert_text + Base-14 Helvetica; `justify` TextWriter + Times, justified and hyphenated;
  `browser` TextWriter + Helvetica with vector-shape bullets; `story` MuPDF's HTML Story) and
  writes `<slug>.expected.json` from the same strings. Output is byte-for-byte deterministic.
- `<slug>.expected.json` is the correct parse, shaped as `ParsedIssue.to_dict(with_rects=False)`
  without `has_text_layer`, `parser_version` and `warnings`.

## Conventions the expected JSON follows

- `series` and `label` exactly as printed on the masthead; the label and the date share one line,
  separated by " · ", " — ", " | " or " / " depending on the series.
- `volume`/`number`: "Vol 2.10" -> 2, 10; "Volume 3, No. 4" -> 3, 4; "Issue 17" -> null, 17;
  "No. 41" -> null, 41. `date` is ISO or null (one issue prints no date).
- `title` is the italic line under the label when the issue has one, else "".
- `headline` is the headline bullet's text without its marker; "" for issues with no headline
  list. Headlines are always one line, bold in every style.
- `body` is the detail bullet's text without its marker, lines joined with one space.
- Line breaks happen only at a space, between two CJK characters, or inside a word at a syllable
  with "-" at the line end. A word broken that way never has a hyphen of its own (compounds such
  as "cross-border" are never split), so a line ending in letter + "-" is always rejoined
  without the hyphen. A space between two CJK characters (佐藤 健) is never a line break, so two
  lines meeting CJK-to-CJK join with no space; every other line join is one space.
- Not items: the masthead, the label/date line, the title, the photo credit ("Photo: ..."),
  the running header (series · label) and page-number footer of multi-page issues, and the
  boilerplate footer (compiled by / subscribe / copyright / site credits) under a thin rule.
- `pages` are the 1-based pages an item's text (headline and body) touches.
"""

SERIES = {
    "gp": {
        "name": "Grid & Pipe Weekly",
        "style": "browser",
        "date_sep": " \u00b7 ",
        "page_format": "{p}/{n}",
        "author": "Grid & Pipe desk",
        "producer": "Skia/PDF-style sample generator (browser print imitation)",
        "creator": "Mozilla/5.0 (X11; Linux x86_64) SampleBrowser/1.0",
        "boilerplate": [
            "Compiled by the Grid & Pipe desk: Maren Albrecht, Tunde Okafor and Liesl van Rooyen.",
            "Subscribe or unsubscribe at gridpipe.example/subscribe \u00b7 Tips: desk@gridpipe.example",
            "\u00a9 2026 Grid & Pipe Media. All rights reserved. Site by Larkspur Digital.",
        ],
    },
    "hl": {
        "name": "Harbour Lines",
        "style": "justify",
        "date_sep": " \u2014 ",
        "page_format": "Page {p} of {n}",
        "author": "Harbour Lines editorial office",
        "producer": "Quayside Typesetter 3.2 (sample imitation)",
        "creator": "Harbour Lines layout macro",
        "boilerplate": [
            "Harbour Lines is compiled by Ines Barros and Oskar Lindqvist for the Coastal Freight Forum.",
            "To subscribe, write to lines@harbourlines.example. Back issues at harbourlines.example/archive.",
            "\u00a9 Coastal Freight Forum 2026. Typeset by Quayside Press.",
        ],
    },
    "fb": {
        "name": "The Fieldnote Brief",
        "style": "story",
        "date_sep": " | ",
        "page_format": "- {p} -",
        "author": "Fieldnote Brief team",
        "producer": "MuPDF Story sample",
        "creator": "Fieldnote newsletter exporter",
        "boilerplate": [
            "The Fieldnote Brief is put together by Ruth Adeyemi and Callum Rees.",
            "Subscribe free at fieldnote.example/brief. Reply to this issue to send us a tip.",
            "Copyright 2026 Fieldnote Cooperative. Hosted by Tillage Web Services.",
        ],
    },
    "pt": {
        "name": "Pacific Tech Ledger",
        "style": "plain",
        "date_sep": " / ",
        "page_format": "Page {p}",
        "author": "Pacific Tech Ledger",
        "producer": "PyMuPDF insert_text sample (plain)",
        "creator": "Ledger build script",
        "boilerplate": [
            "Compiled by Hana Whitfield (Tokyo) and Daniel Cho (Seoul) for Pacific Tech Ledger.",
            "Subscribe: ledger.example/join | Corrections: fix@ledger.example",
            "(c) 2026 Pacific Tech Ledger. Site credits: Kestrel Studio.",
        ],
    },
}

ISSUES: list[dict] = []

# ----------------------------------------------------------------------------- Grid & Pipe Weekly

ISSUES.append({
    "slug": "grid-pipe-2-10",
    "series": "gp",
    "label": "Vol 2.10",
    "volume": 2,
    "number": 10,
    "date": "2026-03-12",
    "date_text": "12 March 2026",
    "photo": "Photo: Substation at Tilbury under maintenance, by Priya Natarajan for Grid & Pipe",
    "headline_marker": "circle",
    "detail_marker": "circle",
    "shows": ["classic digest: headline list then detail bullets in the same order",
              "vector circle bullets (no glyph)", "photo + credit line", "boilerplate footer"],
    "items": [
        ("Regulator delays capacity auction by six weeks",
         "The Northern Energy Regulatory Board said on Tuesday that the 2026 capacity auction, "
         "originally set for 14 April, will now open on 26 May. Chair Fiona Calloway told "
         "reporters in Leeds that bidders had asked for more time to price new battery storage "
         "rules that took effect in February. The board expects around 9.4 gigawatts of bids, "
         "up from 7.1 gigawatts last year. Two large generators, Penmore Power and Alderwick "
         "Renewables, welcomed the delay, while the Consumer Energy Alliance warned that any "
         "slip in procurement could push winter prices higher."),
        ("Offshore cable link wins final planning consent",
         "Planners in Aberdeen approved the last onshore section of the Skerry Link, a "
         "320-kilometre subsea cable meant to carry wind power from the Shetland coast to the "
         "Scottish mainland. The developer, Kittiwake Transmission, put the total cost at "
         "\u00a31.8 billion and said trenching could begin in September 2026. Local councillor "
         "Ewan Drummond said the company had agreed to reroute a converter station away from a "
         "breeding site for terns, a change that added about \u00a340 million to the budget."),
        ("Gas storage levels end winter above target",
         "Storage sites across the Baltic region finished the heating season 41 percent full, "
         "comfortably above the 30 percent floor set by regional ministers in 2024. Analysts at "
         "Harrowgate Commodities credited a mild January and steady liquefied gas deliveries "
         "into Klaipeda. Lithuanian energy minister Rasa Jankauskaite said refilling would "
         "still cost an estimated \u20ac2.3 billion over the summer and urged traders not to "
         "assume that next winter will be as forgiving."),
        ("Heat pump grants reopen with lower ceiling",
         "The national heat pump grant scheme reopened on 9 March with a maximum payment of "
         "\u00a35,500 per home, down from \u00a37,500. Officials at the Department for Home "
         "Energy said the cut would let the fund reach roughly 60,000 households instead of "
         "45,000 before its budget runs out. Installers, represented by the Heat Trades "
         "Guild, said demand had fallen by a fifth after the announcement and asked for a "
         "transition period for customers who had already signed contracts."),
    ],
})

ISSUES.append({
    "slug": "grid-pipe-2-11",
    "series": "gp",
    "label": "Vol 2.11",
    "volume": 2,
    "number": 11,
    "date": "2026-03-19",
    "date_text": "19 March 2026",
    "headline_marker": "circle",
    "detail_marker": "square",
    "shows": ["headline list with vector circles, details with vector squares (no glyphs)"],
    "items": [
        ("Water utilities face new leakage penalties",
         "From April, water companies in England that miss their leakage targets will pay "
         "penalties linked to the volume lost, under rules published by the Water Standards "
         "Office on Monday. The office estimates that the sector lost 2,900 megalitres a day "
         "in 2025. Its director of enforcement, Samuel Achterberg, said the old system of "
         "fixed fines had let some firms treat penalties as a routine cost. Companies will be "
         "able to offset up to a quarter of a penalty by spending on smart meters in areas "
         "with the worst losses."),
        ("Hydrogen pilot in Teesside passes safety review",
         "A pilot that blends hydrogen into the gas supply of 2,000 homes near Redcar has "
         "cleared an independent safety review led by Professor Anjali Mehra of Durham "
         "University. The review found no increase in leak rates after six months at a 20 "
         "percent blend. The operator, Tees Valley Gas Networks, now wants to extend the trial "
         "to a nearby industrial estate. Residents' group Warrenby Voices said it would ask "
         "for a public meeting before any extension, citing concerns about boiler "
         "compatibility and cooking appliances."),
        ("Grid operator publishes connection queue reforms",
         "Britain's grid operator set out plans to clear a backlog of more than 700 "
         "gigawatts of projects waiting for a connection, many of them speculative. Under the "
         "proposal, projects must show land rights and planning progress by 30 September or "
         "lose their place. Connections director Olamide Fashola said about 40 percent of the "
         "queue was unlikely ever to be built. Developers of solar farms in Lincolnshire, who "
         "have waited up to ten years for dates, broadly backed the plan, though some asked "
         "for an appeals process for projects delayed by local authorities."),
        ("Pipeline operator fined over missed inspections",
         "Harlow Midstream Ltd was fined \u00a32.6 million by the Pipelines Safety Executive "
         "after it failed to inspect 140 kilometres of high-pressure pipe in Essex and Suffolk "
         "on schedule. Inspectors found that records had been marked complete even when crews "
         "had not visited the sites. Chief executive Gareth Pryce apologised and said the "
         "company had replaced its maintenance contractor and hired an external auditor. No "
         "leaks were found when the missed sections were eventually checked in January."),
        ("Community solar co-ops gain priority access",
         "Community-owned solar projects below five megawatts will be able to connect to local "
         "networks ahead of commercial schemes under a trial running in Devon and Cornwall "
         "until the end of 2027. The distribution company South West Wires said about 85 "
         "cooperatives had registered interest. Kerensa Polglase, who chairs the Tamar Valley "
         "Energy Cooperative, said the change could cut the wait for a connection from four "
         "years to under twelve months and let members start receiving dividends sooner."),
        ("Smart meter rollout target quietly extended",
         "The deadline for offering every household a smart meter has moved from 2026 to the "
         "end of 2028, according to a notice posted without announcement on the energy "
         "ministry's website. About 63 percent of homes now have a working device. Consumer "
         "campaigner Dorothy Akande said the extension was sensible but criticised the lack "
         "of explanation. Suppliers had warned that older first-generation meters, around "
         "three million of them, still lose their smart functions when customers switch "
         "supplier."),
    ],
})

ISSUES.append({
    "slug": "grid-pipe-2-12",
    "series": "gp",
    "label": "Vol 2.12",
    "volume": 2,
    "number": 12,
    "date": "2026-03-26",
    "date_text": "Thu 26 Mar 2026",
    "title": "Special edition: storage after the winter",
    "headline_marker": "\u2022",
    "detail_marker": "circle",
    "shows": ["printed issue title line", "glyph • headlines with vector circle details",
              "date as 'Thu 26 Mar 2026'"],
    "items": [
        ("Battery fleet doubles in twelve months",
         "Grid-scale batteries connected in Great Britain reached 9.8 gigawatts of power "
         "capacity at the end of February, twice the level of a year earlier, according to "
         "figures compiled by the analytics firm Voltmere. Most new sites store two hours of "
         "energy, but average duration is rising as revenues from short-term balancing "
         "services shrink. Voltmere's head of research, Isabel Moreno, said the next challenge "
         "is making money from shifting solar output into the evening peak."),
        ("Pumped hydro project in Wales seeks partner",
         "The developers of a 600-megawatt pumped storage scheme in a disused slate quarry "
         "near Blaenau Ffestiniog are looking for an equity partner to fund construction, "
         "estimated at \u00a31.1 billion. Project director Gethin Parry said a new cap-and-floor "
         "revenue scheme had made long-duration storage investable for the first time. The "
         "plant would take six years to build and could run at full output for nine hours."),
        ("Thermal storage trial heats 300 flats in Glasgow",
         "A housing association in Glasgow has switched 300 flats to sand-based thermal "
         "stores that charge from cheap overnight electricity and release heat during the "
         "day. Early results reported by Clyde Homes show bills about 18 percent lower than "
         "with the old storage heaters. Tenant representative Mhairi Dunlop said residents "
         "liked the steadier warmth but wanted clearer controls, and the association has "
         "promised a simpler wall panel by the autumn."),
        ("Compressed air plant in Cheshire gets funding",
         "Salt caverns near Northwich will host a 200-megawatt compressed air storage plant "
         "after the Long Duration Storage Fund awarded \u00a3210 million to the developer, "
         "Mersey Caverns Energy. The company said the plant would recover about 70 percent of "
         "the energy put in, lower than batteries but over far longer periods. Construction "
         "is due to begin in 2027, with operation planned for the winter of 2030."),
    ],
})

ISSUES.append({
    "slug": "grid-pipe-3-1",
    "series": "gp",
    "label": "Vol 3.1",
    "volume": 3,
    "number": 1,
    "date": "2026-04-02",
    "date_text": "2 April 2026",
    "detail_marker": "square",
    "letter": True,
    "shows": ["no headline list: detail bullets only", "vector square bullets", "US Letter page"],
    "items": [
        ("",
         "Grid & Pipe Weekly starts its third volume with a change of format: from this issue "
         "the digest runs as a single list of stories, each a short paragraph, without the "
         "separate list of headlines at the top. Editor Maren Albrecht said readers had asked "
         "for a shorter issue they could scan on a phone, and that the archive at "
         "gridpipe.example keeps every past issue in the old layout."),
        ("",
         "Electricity prices for business customers in the Netherlands fell 12 percent in the "
         "first quarter, according to the trade group Energie Zakelijk, helped by record "
         "North Sea wind output in February. The group's economist, Pieter Hoogendijk, said "
         "the fall would take months to reach contracts signed last autumn, and warned that "
         "network charges are due to rise by about 8 percent in July."),
        ("",
         "The city of Lyon has approved a \u20ac95 million extension of its district heating "
         "network to 14,000 more homes in the Gerland and Confluence districts. Deputy mayor "
         "Camille Roussel said waste heat from a nearby data centre would supply about a "
         "third of the new demand. The network's operator expects construction to cause road "
         "closures on four main streets between June and November."),
        ("",
         "A coalition of 23 rural electricity cooperatives in the American Midwest has asked "
         "federal regulators to speed up approval of a shared transmission line between Iowa "
         "and Illinois. The coalition's spokesperson, Dale Hendricks, said members had waited "
         "more than five years for a decision while their customers paid for congestion on "
         "existing lines. The proposed 380-kilometre line would cost about $1.4 billion."),
        ("",
         "Norway's offshore regulator has granted a two-year extension to the Brisling field "
         "in the North Sea, which had been due to stop producing at the end of 2026. The "
         "operator, Fjordline Petroleum, said electrifying the platform from shore had cut "
         "its emissions by 80 percent and made the extra output worthwhile. Environmental "
         "group Havvakt said it would challenge the decision in court."),
    ],
})

# ----------------------------------------------------------------------------- Pacific Tech Ledger

ISSUES.append({
    "slug": "pacific-tech-41",
    "series": "pt",
    "label": "No. 41",
    "volume": None,
    "number": 41,
    "date": "2026-03-05",
    "date_text": "Thu 5 Mar 2026",
    "headline_marker": "1.",
    "detail_marker": "1.",
    "shows": ["numbered headlines and details '1.'", "names in Japanese script inside English text",
              "Base-14 Helvetica via insert_text; CJK via the non-embedded 'japan' font"],
    "items": [
        ("Chip subsidy round favours Kumamoto suppliers",
         "Japan's 経済産業省 (the Ministry of Economy, Trade and Industry) announced a third "
         "round of semiconductor subsidies worth \u00a5420 billion on Monday, with the largest "
         "grants going to materials suppliers around the new foundry cluster in 熊本. Deputy "
         "director 佐藤 健 told a briefing in Tokyo that the ministry wanted at least half of "
         "the chemicals and gases used by the cluster to come from domestic plants by 2029. "
         "Analysts at Minato Research said smaller firms in Kyushu had struggled to hire "
         "engineers and might need help with housing as well as equipment."),
        ("Osaka startup raises funds for warehouse robots",
         "Logistics startup Hayate Robotics, based in 大阪, closed a \u00a56.8 billion series B "
         "round led by the venture arm of a regional bank. Founder 中村 美咲 said the money "
         "would pay for a second factory and a sales office in Singapore. The company's "
         "picking robots now work in 38 warehouses, most of them run by supermarket chains in "
         "the Kansai region. Investors pointed to Japan's shrinking workforce as the main "
         "reason for demand, as distribution centres compete for night-shift staff."),
        ("Seoul sets rules for AI in public hiring",
         "South Korea's Ministry of the Interior and Safety published guidelines requiring "
         "public agencies that use automated tools to screen job applicants to explain every "
         "rejection in plain language and offer a human review. The rules take effect on 1 "
         "July. Vice minister Kim Ji-won said about 60 agencies currently use such tools, "
         "mostly to sort written tests. Civil service unions welcomed the guidance but asked "
         "for regular public audits of the software's error rates."),
        ("Taiwan extends data centre power limits",
         "Taiwan's economic ministry extended a moratorium on new data centres that need more "
         "than five megawatts in the north of the island until the end of 2027, citing tight "
         "grid reserves in the Taipei area. Companies may still build in the south, where the "
         "ministry says solar capacity has grown faster than demand. Cloud provider Lanyu "
         "Digital said it would move a planned 40-megawatt site from Taoyuan to Tainan, "
         "delaying its opening by about a year."),
    ],
})
