#!/usr/bin/env python3
"""claims-discourse held-out part: labelled articles in the claims-dev format
(../../../shared/data/claims-dev/README.md) for back-references (issue 15,
"discourse memory"), written by the discourse helper BEFORE any tuning on
them and never tuned on. Facts from ../shared/reference/events-2025-03.md;
the wording is our own.

ARTICLES = {id: (date, [(sentence, c, h, tag) | P, ...])}; c: C/N/?, h: H/A/N/?.
Running it writes heldout/a-<id>.txt and heldout/heldout.jsonl.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # corpora/ownset.py
from ownset import P, write  # noqa: E402

ARTICLES = {}

ARTICLES["h01"] = ("2025-03-20", [
    ("Russia and Ukraine swapped 175 prisoners each on Wednesday, the Russian defence ministry said.",
     "N", "N", "exchange, correct figure and day (Wednesday = 19 Mar from a Thursday)"),
    ("The exchange was brokered by Turkey, according to the ministry.",
     "C", "N", "definite 'the exchange' refers back; wrong mediator (UAE)"),
    ("Moscow also returned 22 wounded soldiers.",
     "N", "N", "figure of the exchange, true"),
    P,
    ("On Tuesday Donald Trump held a phone call with Vladimir Putin.",
     "N", "N", "call, correct day"),
    ("It lasted barely half an hour.",
     "C", "N", "pronoun 'it lasted' refers back to the call; 30 min vs 90-150"),
    ("Putin agreed to a 30-day pause on strikes against energy facilities during the call.",
     "N", "N", "energy pause agreed, true"),
    ("The pause is meant to run for 60 days.",
     "C", "N", "definite 'the pause' refers back; 60 vs 30 days"),
    P,
    ("The next day Trump and Volodymyr Zelensky spoke by phone.",
     "N", "N", "'the next day' = 19 Mar after Tuesday; call, true"),
    ("The two presidents talked for about an hour.",
     "N", "?", "plural 'the two presidents'; about an hour, true"),
    ("That call lasted four hours, the White House said.",
     "C", "N", "definite 'that call' = the Trump-Zelensky call; 4 h vs about 1 h"),
])

ARTICLES["h02"] = ("2025-03-26", [
    ("18 March — Trump and Putin speak by phone for about two hours.",
     "N", "?", "timeline date heading; call figure within 90-150 min"),
    ("The same day, Putin agrees to a 30-day halt on strikes against energy infrastructure.",
     "N", "N", "'the same day' = 18 Mar from the heading; energy pause, true"),
    ("19 March — Russia and Ukraine exchange 175 prisoners each.",
     "N", "N", "timeline heading; exchange, true"),
    ("The swap is mediated by Qatar.",
     "C", "N", "definite 'the swap' refers back; wrong mediator (UAE)"),
    ("The same day, Trump and Zelensky speak for about three hours.",
     "C", "?", "'the same day' = 19 Mar; Trump-Zelensky call 3 h vs about 1 h"),
])

ARTICLES["h03"] = ("2025-03-19", [
    ("Shares in the company rose after the merger was announced.",
     "N", "N", "unrelated business text"),
    ("The swap of bonds was completed on Monday.",
     "N", "N", "'the swap' with no exchange before it: no claim"),
    ("The exchange rate fell sharply.",
     "N", "N", "'the exchange rate' is no prisoner exchange"),
    ("It lasted only a few minutes.",
     "N", "N", "'it lasted' with no call or talks before it"),
    P,
    ("Trump spoke with Putin by phone on Tuesday.",
     "N", "N", "call, true"),
    ("On Wednesday, Trump had a second call, with Zelensky.",
     "N", "N", "a second call, true"),
    ("The call lasted about an hour.",
     "N", "?", "'the call' = the latest one (Trump-Zelensky, about 1 h), not the Putin call"),
    ("The conversation between the two leaders covered Ukraine's power plants.",
     "N", "N", "plural 'the two leaders' = Trump and Zelensky; true"),
    ("Putin did not agree to a full ceasefire.",
     "N", "N", "status, true"),
])

ARTICLES["h04"] = ("2025-03-21", [
    ("Ukrainian President Volodymyr Zelensky was in Helsinki on Wednesday.",
     "N", "N", "title inside the name"),
    ("The president rejected a halt to strikes on energy infrastructure.",
     "C", "N", "role 'the president' = Zelensky; he backed the energy pause"),
    ("US President George W Bush spoke with Putin in 2004.",
     "N", "N", "a name after a dated role: not Trump"),
    ("President Putin agreed to a 30-day pause on strikes against energy facilities on Tuesday.",
     "N", "N", "title before the name; true"),
    ("The president refused a full ceasefire.",
     "N", "N", "role 'the president' = Putin; true"),
])

if __name__ == "__main__":
    write(ARTICLES, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout"),
          "heldout")
