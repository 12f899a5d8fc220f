#!/usr/bin/env python3
"""claims-own held-out part: labelled articles in the claims-dev format
(../../../shared/data/claims-dev/README.md), written by the recall helper
(issue 15) BEFORE any tuning and never tuned on. Facts from
../shared/reference/events-2025-03.md; the wording is our own.

ARTICLES = {id: (date, [(sentence, c, h, tag) | P, ...])}; c: C/N/?, h: H/A/N/?.
Running it writes heldout/a-<id>.txt and heldout/heldout.jsonl.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # corpora/ownset.py
from ownset import P, write  # noqa: E402

ARTICLES = {}

ARTICLES["h01"] = ("2025-03-21", [
    ("Russia and Ukraine exchanged 175 prisoners each on Wednesday in a swap mediated by the United Arab Emirates, the Russian defence ministry said.",
     "N", "N", "role: correct mediator, passive 'mediated by'; Wednesday = 19 Mar from a Friday"),
    ("Moscow also handed over twenty-two badly wounded Ukrainian soldiers.",
     "N", "N", "figure in words: 22 wounded, correct"),
    ("Some officials say the swap had been planned well before the call.",
     "N", "H", "weasel 'some officials say'; true"),
    P,
    ("The swap was arranged with Qatar mediating, according to the ministry.",
     "C", "N", "role: wrong mediator, 'with X mediating'"),
    ("Donald Trump spoke with Volodymyr Zelensky for roughly an hour on Wednesday.",
     "N", "?", "figure: about an hour, correct; approximator"),
    ("That call came a day after Trump spent barely thirty minutes on the phone with Vladimir Putin.",
     "C", "N", "figure: 'spent X on the phone', 'barely thirty minutes' vs 90-150"),
    P,
    ("Putin turned down the full 30-day ceasefire during the call.",
     "N", "N", "status: 'turned down' the full ceasefire, true"),
    ("He did accept a 30-day pause on strikes against energy facilities.",
     "N", "N", "status: accepted the energy pause, true"),
    ("Zelensky, for his part, turned down the energy pause.",
     "C", "N", "status: Ukraine backed the energy pause"),
    P,
    ("The talks in Jeddah on 11 March ran for well over eight hours.",
     "N", "N", "figure: bound 'well over' eight hours, correct"),
    ("The Jeddah talks lasted barely three hours.",
     "C", "N", "figure: 'barely three hours' vs 8-9 h"),
    ("Moscow has not yet accepted the full ceasefire.",
     "N", "N", "status: negation 'not yet' of accepted, true"),
    ("Russia signed up to the full 30-day ceasefire on Tuesday.",
     "C", "N", "status: 'signed up to' full ceasefire, false"),
])

ARTICLES["h02"] = ("2025-03-26", [
    ("US officials met the Russian and Ukrainian delegations separately in Riyadh this week.",
     "N", "N", "place and format, true"),
    ("The US-Russia round on Monday lasted more than twelve hours.",
     "N", "N", "figure: bound 'more than twelve hours', correct; Monday = 24 Mar"),
    ("That round on Monday lasted just under four hours.",
     "C", "N", "figure: 'just under four hours' vs 12-13 h"),
    P,
    ("The Riyadh talks were brokered by Turkey.",
     "C", "N", "role: wrong mediator, passive 'brokered by'"),
    ("The talks in Riyadh were mediated by the United States.",
     "N", "N", "role: right mediator, passive"),
    ("Ukraine refused to sign the Black Sea deal.",
     "C", "N", "status: Ukraine agreed to the Black Sea arrangement; 'refused to'"),
    ("Ukraine backed the Black Sea deal on Tuesday.",
     "N", "N", "status: backed, true; Tuesday = 25 Mar"),
    P,
    ("The talks in Riyadh were called off on Sunday.",
     "C", "N", "status: 'called off', the talks took place"),
    ("Last week Trump and Putin talked for about ninety minutes.",
     "N", "?", "figure in words: ninety minutes, correct; 'last week'"),
    ("The Trump-Putin call lasted a mere forty-five minutes.",
     "C", "N", "figure in words: forty-five minutes vs 90-150"),
    ("Witkoff had said the talks would be held in Jeddah.",
     "N", "N", "a true report of what Witkoff said"),
])

ARTICLES["h03"] = ("2025-03-20", [
    ("Trump and Zelensky spoke for about an hour on Wednesday.",
     "N", "?", "figure: 'spoke for' about an hour, correct"),
    ("Zelensky backed a halt to strikes on energy infrastructure during the call.",
     "N", "N", "status: backed, true"),
    ("The Trump-Zelensky call lasted well over two hours.",
     "C", "N", "figure: 'well over two hours' vs 45-75 min"),
    P,
    ("On Tuesday Putin accepted a pause on strikes against energy sites.",
     "N", "N", "status: accepted; Tuesday = 18 Mar from a Thursday"),
    ("Putin balked at the full ceasefire.",
     "N", "N", "status: 'balked at', rejected, true"),
    ("Russia called off the prisoner exchange on Wednesday.",
     "C", "N", "status: 'called off' an exchange that took place"),
    ("The exchange of prisoners on Wednesday went ahead with the UAE mediating.",
     "N", "N", "role: right mediator, 'with X mediating'"),
    P,
    ("Russia launched 145 drones and six missiles at Ukraine after the call.",
     "N", "N", "figures, true"),
    ("Russian drones apparently hit two hospitals in the Sumy region.",
     "N", "H", "author hedge 'apparently'; true"),
    ("Russia launched some four hundred drones at Ukraine on Tuesday night.",
     "C", "N", "figure in words: 'four hundred' vs 40-150"),
    ("Zakharova said on Thursday there was no contradiction between the readouts.",
     "N", "N", "true report of a denial"),
    ("Zakharova acknowledged on Thursday that the readouts conflicted.",
     "C", "N", "status: 'acknowledged' for a denial"),
])

if __name__ == "__main__":
    write(ARTICLES, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout"), "heldout")
