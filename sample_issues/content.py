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
- `pages` are the 1-based pages an item's text (headline and body) touches, so an item whose
  headline sits on page 1 and whose body is on page 2 has `[1, 2]`.
- Text is the logical text: the `story` issues are set in Charis SIL, whose "fi"/"fl"/"ff"
  ligatures extract as U+FB01.. with PyMuPDF's default flags; the expected JSON has plain
  letters (extract without `TEXT_PRESERVE_LIGATURES`, or NFKC-normalise ligatures).
- In the `plain` style, characters outside Latin-1 (the – marker) are drawn with an embedded
  font via TextWriter, the rest with non-embedded Base-14 fonts; Japanese text uses the
  non-embedded `japan` CID font there and the embedded, subset Droid Sans Fallback elsewhere.
- Layout facts: the series name is the largest text near the top of page 1; multi-page issues
  carry a small grey running header (series · label) at the top of every page, page 1 included,
  and a centred page number at the foot ("1/2", "Page 1 of 2", "- 1 -", "Page 1"). Detail
  bullets have a hanging indent; headline bullets are all one line.
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
    "size": 11.0,
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
        ("District heat price cap proposed for Scotland",
         "Households on heat networks in Scotland could see their bills capped for the first "
         "time under proposals from the Scottish Government's heat networks unit, which "
         "estimates that 30,000 homes pay more than they would with an individual gas boiler. "
         "The cap would be set each quarter by reference to the cost of gas heating, plus an "
         "allowance for maintenance. Housing minister Catriona Baird said some tenants in "
         "Dundee and Glasgow had seen charges double since 2022 with no way to switch "
         "supplier. Network operators said a cap could deter investment unless it also covers "
         "the cost of replacing ageing pipes, and asked for a consultation of at least twelve "
         "weeks."),
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

# ----------------------------------------------------------------------------- Harbour Lines

ISSUES.append({
    "slug": "harbour-lines-3-4",
    "series": "hl",
    "label": "Volume 3, No. 4",
    "volume": 3,
    "number": 4,
    "date": "2026-03-05",
    "date_text": "March 5, 2026",
    "headline_marker": "\u25aa",
    "detail_marker": "\u2013",
    "columns": 2,
    "size": 10.5,
    "hyphenate": True,
    "shows": ["two-column body", "▪ headline bullets, – detail bullets",
              "justified lines with syllable hyphenation", "date as 'March 5, 2026'"],
    "items": [
        ("Rotterdam opens shore power berths for cruise ships",
         "The Port of Rotterdam switched on shore power at two cruise berths on the Wilhelminakade "
         "on Monday, allowing visiting ships to shut down their diesel generators while moored. "
         "Harbour master Renske Dijkstra said the installation, which cost about \u20ac28 million, "
         "can supply up to sixteen megawatts, enough for the largest vessels calling at the city. "
         "Cruise operators will pay a fixed connection fee plus the market price of electricity, "
         "which the port says should be roughly comparable to the cost of burning marine fuel. "
         "Three lines have committed to using the berths this season, and the port expects "
         "around ninety connections before October. Residents of the Katendrecht neighbourhood, "
         "who have complained for years about exhaust and noise, welcomed the change but asked "
         "the municipality to publish air quality measurements from the quay every month."),
        ("Felixstowe dockers approve two-year pay deal",
         "Members of the dockworkers' branch at Felixstowe voted by 78 percent to accept a "
         "two-year agreement that raises basic pay by 6.5 percent this year and 4 percent in "
         "2027, ending a dispute that had threatened strikes over the Easter period. The union's "
         "regional organiser, Bernadette Quinlan, said the deal also limits compulsory overtime "
         "to eight shifts a quarter and sets up a joint committee on automation. Port management "
         "said the agreement gave shipping lines the certainty they needed while it invests "
         "\u00a3150 million in new remote-controlled cranes. Freight forwarders in the East of "
         "England had been preparing contingency plans to route containers through Southampton "
         "and London Gateway, and several said they would now unwind those bookings."),
        ("Suez Canal traffic recovers to two thirds of normal",
         "Transits through the Suez Canal averaged 48 vessels a day in February, about two "
         "thirds of the level recorded before attacks on shipping in the Red Sea began in late "
         "2023, according to figures published by the canal authority in Ismailia. Container "
         "lines have been slowest to return, with most still sending their largest ships around "
         "the Cape of Good Hope. Analyst Tomasz Wierzbicki of the consultancy Bosun Data said "
         "insurers continued to charge war risk premiums of up to half a percent of hull value "
         "for a single passage. The authority has offered discounts of 15 percent on transit "
         "fees for vessels above 130,000 tonnes to encourage the bigger carriers back."),
        ("Baltic ferry operator orders battery hybrids",
         "Nordvik Ferries has ordered four battery hybrid vessels from a shipyard in Gdansk for "
         "its routes between Sweden and the Finnish \u00c5land islands. The contract is worth "
         "about \u20ac310 million and the first ship should enter service in spring 2028. Chief "
         "executive Annika Holmstr\u00f6m said the ferries would sail on battery power in and near "
         "ports and use methanol engines on open water. The company expects fuel consumption to "
         "fall by roughly forty percent compared with the vessels they replace. Charging "
         "equipment will be installed at Kapellskär and Mariehamn with support from an EU "
         "infrastructure fund, and local grid companies are reinforcing their connections to "
         "both terminals during the coming winter."),
        ("Panama Canal lifts draught limits after rains",
         "The Panama Canal Authority has returned the maximum permitted draught in its "
         "Neopanamax locks to 50 feet after rainfall refilled Gatun Lake to its highest level "
         "for three years. Restrictions imposed during the drought of 2023 and 2024 had forced "
         "shippers to load less cargo or pay for priority slots costing several million dollars "
         "at auction. The authority's administrator, Ricaurte V\u00e1squez Morales, said a new "
         "reservoir on the R\u00edo Indio would protect the waterway from future dry seasons, "
         "though construction will not be finished before 2031. Grain exporters in the United "
         "States Gulf said the change would cut their costs to Asian buyers immediately."),
        ("Hamburg tests autonomous barge on the Elbe",
         "A self-navigating container barge has completed its first supervised trip between the "
         "Port of Hamburg and an inland terminal at Lauenburg, carrying 24 empty boxes over "
         "about 60 kilometres of river. The project, run by the logistics firm Elbkontor and "
         "the Technical University of Hamburg, keeps a licensed skipper on board who can take "
         "over at any time. Project manager Jana Petersen said the system handled two locks "
         "without intervention but needed help passing a dredger. Federal waterway officials "
         "will decide next year whether to allow trials with the skipper working from a "
         "control room ashore, which would require changes to the inland shipping rules."),
    ],
})

ISSUES.append({
    "slug": "harbour-lines-3-5",
    "series": "hl",
    "label": "Volume 3, No. 5",
    "volume": 3,
    "number": 5,
    "date": "2026-03-12",
    "date_text": "March 12, 2026",
    "photo": "Photo: Straddle carriers at dusk, Port of Antwerp-Bruges (Harbour Lines archive)",
    "headline_marker": "\u2022",
    "detail_marker": "\u2022",
    "hyphenate": True,
    "size": 10.5,
    "shows": ["single column, justified and hyphenated", "• glyph bullets", "photo + credit line"],
    "items": [
        ("Antwerp-Bruges sets record for transhipment",
         "The combined port of Antwerp-Bruges handled 3.1 million containers transferred between "
         "ships in 2025, a record for the port and an increase of eleven percent on the previous "
         "year. Commercial director Luc Vermeersch said carriers were using Antwerp as a hub for "
         "smaller feeder services to Scandinavia and the Baltic, partly because of congestion "
         "elsewhere. The port plans to spend \u20ac1.2 billion on a new container dock on the "
         "left bank of the Scheldt, subject to an environmental permit expected this summer."),
        ("Shipbuilders warn of shortage of welders",
         "European shipyards will need about 25,000 additional welders and fitters by 2030 to "
         "meet orders for ferries, naval vessels and offshore wind installation ships, according "
         "to a report by the industry association SeaEurope Skills. The report's author, "
         "Marguerite Fontaine, said yards in France and Italy already turn down work because "
         "they cannot staff it. The association wants apprenticeships funded from the European "
         "Social Fund and faster recognition of qualifications earned outside the union."),
        ("Lisbon port adopts digital single window",
         "Shipping agents at the Port of Lisbon can now submit customs, health and immigration "
         "declarations through a single online form, replacing five separate systems. The port "
         "authority said the change, funded with \u20ac9 million from the national recovery "
         "plan, should cut the average time a ship waits for clearance from six hours to under "
         "two. Agent Duarte Menezes, who tested the system in January, said it worked smoothly "
         "but that documents were still rejected when ship names contained special characters."),
        ("Insurers tighten rules for older bulk carriers",
         "A group of marine insurers in London and Oslo will require extra structural surveys "
         "for bulk carriers older than twenty years before renewing cover from July. The group "
         "cited a series of hull failures in the past eighteen months, including the loss of a "
         "Panamax vessel off the coast of Vietnam in November. Underwriter Kristoffer Aasen "
         "said owners of well-maintained ships would see little change, but that premiums for "
         "vessels with poor inspection records could rise by a third."),
    ],
})

ISSUES.append({
    "slug": "harbour-lines-3-6",
    "series": "hl",
    "label": "Volume 3, No. 6",
    "volume": 3,
    "number": 6,
    "date": "2026-03-19",
    "date_text": "March 19, 2026",
    "title": "Focus: inland waterways",
    "headline_marker": "\u25aa",
    "detail_marker": "\u2013",
    "page": "a5",
    "hyphenate": True,
    "size": 11.0,
    "shows": ["A5 pages, three of them", "printed issue title line", "▪ headlines, – details",
              "justified lines with syllable hyphenation"],
    "items": [
        ("Rhine low water surcharges return early",
         "Barge operators on the Rhine began charging low water surcharges in the second week of "
         "March, several months earlier than usual, after a dry winter left the gauge at Kaub "
         "below 90 centimetres. At that depth a typical barge can carry only about half its "
         "normal load. The shippers' association in Duisburg said chemical plants along the "
         "river had started moving more goods by rail, although rail capacity is also limited "
         "by engineering works near Koblenz. Hydrologist Elke Brandst\u00e4tter of the federal "
         "waterways institute said that without substantial rain in April, levels could fall "
         "further in early summer, and that forecasting such droughts has become harder."),
        ("Danube corridor funding agreed by riparian states",
         "Transport ministers from seven countries along the Danube signed an agreement in "
         "Vienna to fund dredging and maintenance of the river's shipping channel for the next "
         "ten years, with a combined budget of \u20ac860 million. Bottlenecks in Hungary and "
         "between Romania and Bulgaria regularly limit barges to a fraction of their capacity "
         "in late summer. Austrian minister Leonore Gassner said the agreement included, for "
         "the first time, shared rules on how much sediment can be removed from protected "
         "wetlands. Conservation groups said they would watch closely how those rules are "
         "applied in the delta, where the channel passes through nature reserves."),
        ("French canal network trials electric tugs",
         "The operator of France's canal network has begun trials of two electric tugs on the "
         "Canal du Nord, pushing grain barges between Compi\u00e8gne and Arleux. Each tug carries "
         "batteries that are swapped at locks rather than recharged on board, which the "
         "operator says keeps waiting times down. Engineer Th\u00e9o Marchand said the first "
         "month had gone well apart from a fault in a charging cabinet caused by condensation. "
         "If the trial succeeds, electric tugs could serve the new Seine\u2013Nord Europe canal "
         "when it opens, expected toward the end of the decade."),
        ("Mississippi lock closures planned for repairs",
         "The United States Army Corps of Engineers will close three locks on the upper "
         "Mississippi for up to 45 days each between December and February to replace "
         "gates that are more than eighty years old. Barge operators in Minnesota and "
         "Iowa, who move much of the region's corn and soybeans to export terminals near "
         "New Orleans, said the winter timing would limit disruption. Colonel Marcus "
         "Delacroix, who leads the district, said the work would cost $312 million and "
         "should reduce unplanned closures, which rose sharply over the past five years."),
        ("Duisburg terminal links barges to Chinese rail freight",
         "A new trimodal terminal in Duisburg has started transferring containers arriving by "
         "freight train from Chongqing directly onto barges bound for Rotterdam and Antwerp. The "
         "operator, Ruhrort Gateway, said the terminal can handle 250,000 containers a year "
         "once fully built, about a third of that in the first phase. Managing director Kemal "
         "Y\u0131ld\u0131z said volumes on the rail route had recovered after two weak years, "
         "helped by customers looking for alternatives to long sea voyages around Africa. City "
         "councillors have asked for a night curfew on crane operations near the residential "
         "streets of Homberg, which the company says it will respect from the second phase."),
        ("Belgian waterways agency hires drone surveyors",
         "The waterways agency of Flanders will use drones to inspect embankments, weirs and "
         "lock gates along 1,000 kilometres of canals and rivers, replacing many inspections "
         "that now require boats and closures. A four-year contract worth \u20ac7.5 million went "
         "to a consortium led by the Ghent engineering firm Vliegwerk. Programme lead Annelies "
         "De Smet said the drones would fly along set routes each month and that the images "
         "would feed a model predicting where banks are likely to erode during winter floods. "
         "Unions representing inspectors were told that no jobs would be cut and that staff "
         "would be retrained to analyse the survey data."),
    ],
})

ISSUES.append({
    "slug": "harbour-lines-3-7",
    "series": "hl",
    "label": "Volume 3, No. 7",
    "volume": 3,
    "number": 7,
    "date": "2026-03-26",
    "date_text": "26.03.2026",
    "detail_marker": "\u2013",
    "columns": 2,
    "size": 10.0,
    "hyphenate": True,
    "shows": ["no headline list: – detail bullets only", "two-column body",
              "date as '26.03.2026'"],
    "items": [
        ("",
         "The European Commission has opened a consultation on extending emissions trading to "
         "smaller vessels, between 400 and 5,000 gross tonnes, which are currently outside the "
         "system. Officials estimate that such ships emit about twelve million tonnes of carbon "
         "dioxide a year. Associations representing offshore supply vessel owners said the "
         "administrative burden would fall heavily on family firms with one or two ships. The "
         "consultation closes on 30 June."),
        ("",
         "Singapore's maritime authority has issued its first licences for bunkering ships with "
         "ammonia, to two consortia that will supply fuel at anchorages south of Jurong Island "
         "from 2027. Safety rules require exclusion zones of several hundred metres around "
         "transfers. Captain Lim Wei Jie, who chairs the authority's fuels committee, said the "
         "city wanted to be ready when the first ammonia-fuelled container ships are delivered, "
         "some of them already under construction in South Korea and China."),
        ("",
         "Dock workers at the port of Gothenburg completed their first full month of operations "
         "with a new terminal operating system after a troubled launch in January, when "
         "software errors left hundreds of containers misplaced in the yard. Terminal manager "
         "Sofie Lundgren said productivity had returned to the level seen before the switch "
         "and that the backlog had been cleared. Haulage firms, which had faced waits of up to "
         "nine hours at the gate, said conditions were back to normal."),
        ("",
         "A new rail ferry service between Trelleborg and Rostock will start in May, carrying "
         "freight wagons directly across the Baltic without transhipment. The operator, "
         "Sundbro Line, says the route will take seven hours and can carry up to forty wagons "
         "per crossing. Chief commercial officer Henrik Dahlberg said steel and paper producers "
         "in southern Sweden had signed letters of intent for about half of the planned "
         "capacity in the first year."),
        ("",
         "Port authorities in Valencia and Barcelona have agreed to share data on ship arrivals "
         "in real time, so that pilots, tugs and berth planners can adjust schedules when "
         "vessels are delayed. The two ports expect waiting times at anchor to fall and "
         "emissions from idling ships to drop accordingly. The project is part of a wider "
         "effort backed by the Spanish government to standardise port data, with Algeciras and "
         "Bilbao due to join before the end of the year."),
    ],
})

# ----------------------------------------------------------------------------- The Fieldnote Brief

ISSUES.append({
    "slug": "fieldnote-17",
    "series": "fb",
    "label": "Issue 17",
    "volume": None,
    "number": 17,
    "date": "2026-03-05",
    "date_text": "2026-03-05",
    "photo": "Photo: Spring barley trial plots near Cirencester, by Ruth Adeyemi",
    "headline_marker": "\u2022",
    "detail_marker": "\u2022",
    "shows": ["MuPDF Story (HTML) layout with its own • list markers and fonts",
              "date as '2026-03-05'", "photo credit line without a picture"],
    "items": [
        ("Farm payments shift toward hedgerows",
         "The agriculture ministry has raised payments for planting and managing hedgerows by "
         "up to 40 percent under its environmental land scheme, in a package announced at the "
         "Oxford farming conference. Farmers will receive \u00a3290 per hundred metres of new "
         "hedge, up from \u00a3210. Policy adviser Gwen Hartley said the change reflected rising "
         "costs for whips and labour. The National Tenant Farmers Network welcomed the move but "
         "said tenants still need their landlords' consent to enter the scheme, which many "
         "estates refuse."),
        ("Kenyan tea auction prices hit three-year high",
         "Average prices at the weekly tea auction in Mombasa reached $3.12 a kilogram in late "
         "February, the highest level since early 2023, as dry weather cut output in parts of "
         "the Rift Valley. Brokers said demand from buyers in Pakistan and Egypt remained "
         "strong. Smallholder grower Josephine Wanjiru, who supplies a factory in Kericho, said "
         "higher prices had not yet reached farmers because bonuses are paid only twice a "
         "year. The tea board expects output for 2026 to fall by about six percent."),
        ("Seed bank in Svalbard receives new deposits",
         "Gene banks from eleven countries deposited about 30,000 seed samples at the global "
         "seed vault near Longyearbyen during its February opening. The deposits included "
         "wheat and lentil varieties from a research centre in Morocco and sorghum collected in "
         "Burkina Faso. Vault coordinator \u00c5sa Lindberg said the facility now holds more "
         "than 1.3 million samples. Deposits remain the property of the gene banks that send "
         "them, and can be withdrawn if their own collections are lost."),
        ("Dairy cooperative trials methane feed additive",
         "A dairy cooperative in Friesland has begun a year-long trial of a feed additive that "
         "researchers say can cut methane from cows' digestion by about a quarter. Around "
         "12,000 cows on 90 farms are taking part. Cooperative chair Hendrik Bosma said members "
         "would be paid a premium of one cent per litre of milk during the trial, funded by a "
         "supermarket chain. Some farmers have raised concerns about effects on milk taste, and "
         "a university panel will run blind tasting tests every quarter."),
    ],
})

ISSUES.append({
    "slug": "fieldnote-18",
    "series": "fb",
    "label": "Issue 18",
    "volume": None,
    "number": 18,
    "date": None,
    "title": "Seed-saving special",
    "headline_marker": "1.",
    "detail_marker": "1.",
    "numbered": True,
    "shows": ["NO DATE printed", "numbered headlines and details '1.' (HTML `<ol>`)",
              "printed issue title line"],
    "items": [
        ("Community seed libraries spread in Wales",
         "More than forty public libraries in Wales now lend vegetable seeds alongside books, "
         "according to a survey by the charity Hadau Cymru. Borrowers take a packet in spring "
         "and are asked to return seed saved from their best plants in autumn. Librarian Siwan "
         "Prydderch, who runs the scheme in Aberystwyth, said beans and tomatoes were the most "
         "popular, while brassicas are rarely returned because they cross easily. The charity "
         "plans training sessions on seed cleaning and storage in twelve towns this year."),
        ("Court rules on saved seed of protected varieties",
         "A regional court in Germany has ruled that a farmer in Lower Saxony owed royalties for "
         "saving seed of a protected wheat variety, even though he grew it only for his own "
         "pigs. The farmer, Joachim Rahlfs, argued that the fee should not apply to feed grown "
         "on the same farm. The court disagreed, ordering him to pay about \u20ac4,800 covering "
         "three harvests. Farmers' groups said the case shows the need for a simpler system, "
         "with flat fees collected at the seed cleaning plants."),
        ("Potato breeders share blight resistance data",
         "Five potato breeding companies in the Netherlands, Scotland and Denmark have agreed to "
         "publish field data on how their varieties resist late blight, the disease behind the "
         "Irish famine. The data, covering more than 300 varieties over ten years, will be "
         "released through a university in Wageningen. Researcher Marloes Terpstra said growers "
         "could cut fungicide sprays by half with resistant varieties, but that many did not "
         "trust claims made in sales brochures."),
        ("Heritage grain mill reopens in Vermont",
         "A water-powered grain mill on the Ottauquechee River has resumed milling after a "
         "five-year restoration costing $1.9 million, raised mostly from local donors. The mill "
         "grinds heritage wheat varieties grown by about twenty farms in the region and sells "
         "flour to bakeries in Burlington and Boston. Miller Abigail Thornton said the biggest "
         "challenge had been finding millstones; the replacements came from a quarry in France "
         "that still cuts them by hand."),
    ],
})

ISSUES.append({
    "slug": "fieldnote-19",
    "series": "fb",
    "label": "Issue 19",
    "volume": None,
    "number": 19,
    "date": "2026-03-19",
    "date_text": "19.03.2026",
    "detail_marker": "\u2022",
    "page": "a5",
    "shows": ["no headline list: • detail bullets only (HTML Story)", "A5 pages",
              "date as '19.03.2026'"],
    "items": [
        ("",
         "Wheat futures in Paris fell to their lowest level in eighteen months after France's "
         "farm ministry raised its estimate of winter wheat plantings to 4.7 million hectares. "
         "Traders said good autumn sowing conditions and the absence of severe frost pointed to "
         "a large harvest. Grain merchant Olivier Dufresne said farmers who had not sold last "
         "year's crop were now holding unusually large stocks in their sheds."),
        ("",
         "Australia's grains research corporation will fund a five-year study of soil carbon on "
         "120 farms across New South Wales and Western Australia, at a cost of about A$22 "
         "million. Soil scientist Dr Priya Raman, who leads the project, said the aim was to "
         "find out whether practices such as stubble retention and cover cropping store carbon "
         "reliably enough to be paid for under the national carbon credit scheme."),
        ("",
         "Beekeepers in Andalusia reported losses of up to 40 percent of their colonies over the "
         "winter, blaming drought that left little forage in autumn. The regional beekeepers' "
         "association asked the government in Seville for emergency feed subsidies. Its "
         "president, Manuel Ortega, said honey production in southern Spain had fallen for four "
         "years running and that younger beekeepers were leaving the trade."),
        ("",
         "A fertiliser plant in Ghent has restarted ammonia production after eight months idle, "
         "as natural gas prices in Europe eased. The plant's owner said it would run at about 70 "
         "percent of capacity until the autumn. Farmers in Belgium and northern France had paid "
         "record prices for nitrogen fertiliser in 2025, and several cooperatives have switched "
         "to longer contracts to spread their risk."),
        ("",
         "Rice farmers in the Mekong Delta have started planting a salt-tolerant variety "
         "developed by a research institute in Can Tho, after seawater pushed further inland "
         "than usual during the dry season. Agronomist Nguyen Thi Lan said the variety yields "
         "about ten percent less in fresh water but survives salinity that kills conventional "
         "rice. Provincial authorities are giving seed free to 15,000 households."),
        ("",
         "The Fieldnote Brief will take a break over Easter; the next issue arrives in early "
         "April with a special section on farm labour shortages. Readers who would like to "
         "share their own experience of hiring seasonal workers can reply to this email, and "
         "we will contact a selection of respondents before publication, with names withheld "
         "on request. Thank you to everyone who answered last month's reader survey."),
    ],
})

# ----------------------------------------------------------------------------- Pacific Tech Ledger 42-43

ISSUES.append({
    "slug": "pacific-tech-42",
    "series": "pt",
    "label": "No. 42",
    "volume": None,
    "number": 42,
    "date": "2026-03-12",
    "date_text": "12.03.2026",
    "detail_marker": "1)",
    "letter": True,
    "shows": ["no headline list: numbered details '1)'", "names in Japanese script",
              "date as '12.03.2026'", "US Letter page"],
    "items": [
        ("",
         "Kyoto-based display maker 京セラ光学 said it would close a panel line in 滋賀 by "
         "September and move production to a newer plant in Vietnam, affecting about 400 "
         "workers. President 高橋 誠 said the company would offer transfers to other sites in "
         "the Kansai region and that no one would be dismissed against their will. Local "
         "officials in Shiga said they would ask the prefecture for help attracting a new "
         "tenant to the factory site."),
        ("",
         "The Bank of Korea said spending on industrial robots by South Korean manufacturers "
         "rose 19 percent in 2025, led by car and battery makers in Ulsan and Cheongju. The "
         "central bank's research unit estimated that Korea now has more than 1,000 robots for "
         "every 10,000 factory workers, the highest density in the world. Economist Park Seo-yeon "
         "said productivity gains had been strongest in large firms, while smaller suppliers "
         "lagged behind."),
        ("",
         "Japan's personal data commission, 個人情報保護委員会, issued guidance on the use of "
         "facial recognition in shops after a supermarket chain in 福岡 was found to have "
         "shared images of suspected shoplifters with other retailers. Commissioner 小林 由美 "
         "said stores must tell customers clearly when cameras identify faces and must delete "
         "images of people not suspected of any offence within thirty days."),
        ("",
         "Vietnam's ministry of information approved licences for two satellite internet "
         "providers to serve remote areas in the Central Highlands and the islands off the "
         "southern coast. Each provider must keep a ground station inside the country and store "
         "user data locally. Deputy minister Tran Van Hung said the service would reach about "
         "two million people who lack a fixed broadband connection."),
        ("",
         "A consortium of universities in Osaka, Kobe and Kyoto launched a shared computing "
         "centre with 2,000 graphics processors for research in medicine and materials science. "
         "The centre cost \u00a518 billion, two thirds of it from the national government. "
         "Director 松本 翔太 said priority would go to projects that publish their code and "
         "data, and that companies could rent time at night when demand from researchers is low."),
    ],
})

ISSUES.append({
    "slug": "pacific-tech-43",
    "series": "pt",
    "label": "No. 43",
    "volume": None,
    "number": 43,
    "date": "2026-03-19",
    "date_text": "19 Mar 2026",
    "photo": "Photo: Server hall at a data centre in Inzai, Chiba (Pacific Tech Ledger)",
    "headline_marker": "\u25aa",
    "detail_marker": "\u2013",
    "page": "a5",
    "shows": ["▪ headlines, – details", "a headline and a whole detail paragraph in Japanese",
              "Japanese lines broken between characters (joined without space)",
              "A5 pages", "photo + credit line"],
    "items": [
        ("中小企業のAI導入に補助金",
         "経済産業省は三月十八日、地方の中小企業が生成AIを導入する際の費用の半分を補助する新しい"
         "制度を発表した。対象は従業員三百人以下の企業で、一社あたりの上限は五百万円。担当の"
         "山本 直子課長は「人手不足が深刻な地域ほど効果が大きい」と述べ、まず北海道、東北、"
         "九州の三地域で申請を受け付けるとした。申請の締め切りは六月末で、審査の結果は八月に"
         "公表される予定だ。"),
        ("Chiba data centre cluster gets new substation",
         "The utility serving northern Chiba will build a 500-megawatt substation to supply the "
         "growing cluster of data centres around Inzai, where operators have waited up to three "
         "years for grid connections. The project will cost about \u00a595 billion and should be "
         "finished in 2029. Local assembly member 伊藤 亮 said residents supported the jobs but "
         "wanted limits on noise from cooling equipment and a share of the tax revenue spent on "
         "roads and schools."),
        ("Singapore tightens rules on scam calls",
         "Singapore's telecoms regulator will require phone operators to block calls that "
         "display local numbers but originate overseas, unless the caller is registered, from "
         "1 June. The regulator said scam losses reached S$1.1 billion last year, with most "
         "victims contacted by phone or messaging apps. Operator executives said the change "
         "could delay legitimate calls from Singaporeans travelling abroad, and asked for a "
         "grace period for business customers."),
        ("Osaka expo site to host robotics test zone",
         "Part of the former expo grounds on Yumeshima island in 大阪 will become a test zone "
         "for delivery robots and autonomous buses from next spring, the city said on Tuesday. "
         "Companies will be able to run trials without applying for separate road permits for "
         "each test. Mayor's office official 田中 大輔 said around fifteen firms had expressed "
         "interest, including two from Taiwan. The zone will be open to the public at weekends "
         "so that visitors can ride the vehicles."),
    ],
})
