#!/usr/bin/env python3
"""claims-own development part: labelled articles in the claims-dev format,
written by the recall helper (issue 15) to tune the extract stage on
(figures in words and bounds, status phrases, mediators and roles, relative
days). Facts from ../shared/reference/events-2025-03.md; our own wording.
Running it writes dev/a-<id>.txt and dev/dev.jsonl.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # corpora/ownset.py
from ownset import P, write  # noqa: E402

ARTICLES = {}

ARTICLES["d01"] = ("2025-03-19", [
    ("Trump and Putin were on the phone for more than ninety minutes on Tuesday, according to the White House.",
     "N", "N", "figure in words with bound; 'on the phone for'"),
    ("The leaders talked for just twenty-five minutes.",
     "C", "N", "figure: twenty-five minutes vs 90-150, approximator 'just'"),
    ("Their conversation lasted a little over an hour and a half.",
     "N", "?", "figure: 'a little over an hour and a half', fits 90"),
    P,
    ("Putin refused to take up the full 30-day ceasefire.",
     "N", "N", "status: 'refused to take up', true"),
    ("He agreed to a 30-day halt to strikes on energy infrastructure.",
     "N", "N", "status: agreed, true"),
    ("Putin also accepted the full ceasefire that Washington had put forward.",
     "C", "N", "status: accepted the full ceasefire, false"),
    P,
    ("A prisoner swap is due on Wednesday, with the United Arab Emirates mediating.",
     "N", "N", "role: right mediator 'with X mediating'"),
    ("The exchange on Wednesday was brokered by Turkey, officials in Ankara said.",
     "C", "N", "role: wrong mediator, passive 'brokered by'"),
    ("Russia has promised to release twenty-three gravely wounded soldiers.",
     "N", "N", "figure in words: 23 promised"),
    ("Zelensky rejected the energy pause on Tuesday evening.",
     "?", "N", "status on 18 Mar: Ukraine agreed from 19 Mar; said he supports it"),
])

ARTICLES["d02"] = ("2025-03-24", [
    ("Negotiators from Washington and Moscow met in Riyadh on Monday.",
     "N", "N", "place and relative day = 24 Mar, true"),
    ("The Ukrainian delegation held separate talks with the Americans on Sunday.",
     "N", "N", "relative day Sunday = 23 Mar, true"),
    ("The talks in Riyadh were hosted by Saudi Arabia and mediated by Qatar.",
     "C", "N", "role: wrong mediator, passive 'mediated by'"),
    P,
    ("The Jeddah talks on 11 March lasted barely two hours.",
     "C", "N", "figure: 'barely two hours' vs 8-9 h"),
    ("In Jeddah, Ukraine signed up to the US proposal for a 30-day ceasefire.",
     "N", "N", "status: 'signed up to' true for Ukraine"),
    ("Russia has never accepted that proposal.",
     "N", "N", "status: negated acceptance, true; 'that proposal' refers back"),
    P,
    ("The 18 March call between Trump and Putin lasted twenty minutes or so.",
     "C", "?", "figure in words with 'or so' vs 90-150"),
    ("A day later Trump spoke to Zelensky for roughly an hour.",
     "N", "?", "figure: 'spoke to X for roughly an hour', correct"),
    ("Trump spent three hours on the phone with Zelensky.",
     "C", "N", "figure: 'spent X on the phone' vs 45-75 min"),
    ("Russia turned down the full ceasefire.",
     "N", "N", "status: turned down, true"),
    ("Russia backed the full ceasefire.",
     "C", "N", "status: backed, false"),
])

ARTICLES["d03"] = ("2025-03-20", [
    ("Ukraine's air force said Russia launched 145 drones overnight into Wednesday.",
     "N", "N", "figure, attributed, true"),
    ("Russia launched three hundred drones at Ukraine after the call.",
     "C", "N", "figure in words 'three hundred' vs 40-150"),
    ("A dozen drones were launched at Ukraine after the call.",
     "C", "N", "figure: 'a dozen' = 12 vs 40-150"),
    P,
    ("Some 175 Ukrainian prisoners came home on Wednesday in a swap mediated by the Emirates.",
     "N", "?", "role: UAE as 'the Emirates'; figure"),
    ("The exchange on Wednesday was called off at the last minute.",
     "C", "N", "status: called off, false"),
    ("The Kremlin acknowledged on Thursday that the two readouts contradicted each other.",
     "C", "N", "status: acknowledged for a denial; Kremlin"),
    P,
    ("On Wednesday Trump and Zelensky talked for well under two hours.",
     "N", "N", "figure: 'well under two hours', fits 45-75"),
    ("The Trump-Zelensky call lasted about four hours.",
     "C", "?", "figure: about four hours vs 45-75 min"),
    ("Officials privately say the swap was arranged long before the call.",
     "N", "H", "weasel 'officials privately say'"),
])

if __name__ == "__main__":
    write(ARTICLES, os.path.join(os.path.dirname(os.path.abspath(__file__)), "dev"), "dev")
