#!/usr/bin/env python3
"""claims-discourse development part: labelled articles in the claims-dev
format (../../../shared/data/claims-dev/README.md) for back-references
(issue 15, "discourse memory"); the discourse helper tunes on these, never on
heldout/ (make_heldout.py). Facts from ../shared/reference/events-2025-03.md;
the wording is our own.

ARTICLES = {id: (date, [(sentence, c, h, tag) | P, ...])}; c: C/N/?, h: H/A/N/?.
Running it writes dev/a-<id>.txt and dev/dev.jsonl.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # corpora/ownset.py
from ownset import P, write  # noqa: E402

ARTICLES = {}

ARTICLES["d01"] = ("2025-03-19", [
    ("Russia and Ukraine carried out a prisoner exchange on Wednesday.",
     "N", "N", "exchange, true"),
    ("The swap was mediated by Saudi Arabia, Moscow said.",
     "C", "N", "definite 'the swap'; wrong mediator (UAE), attributed to Moscow"),
    ("It was mediated by the United Arab Emirates, according to Kyiv.",
     "N", "N", "pronoun 'it was mediated'; correct mediator"),
    P,
    ("Trump and Putin spoke by phone on Tuesday.",
     "N", "N", "call, true"),
    ("Putin agreed to halt strikes on energy infrastructure.",
     "N", "N", "energy pause, true"),
    ("The Kremlin said the conversation lasted about 90 minutes.",
     "N", "N", "definite 'the conversation'; 90 min, true"),
    ("The call itself lasted only twenty minutes.",
     "C", "N", "definite 'the call' three sentences on; 20 min vs 90-150"),
])

ARTICLES["d02"] = ("2025-03-22", [
    ("On 19 March Trump spoke with Zelensky, who was in Helsinki.",
     "N", "N", "call, true"),
    ("It lasted roughly three hours.",
     "C", "N", "pronoun 'it lasted'; 3 h vs about 1 h"),
    ("Both leaders agreed to keep talking.",
     "N", "N", "plural 'both leaders', no checkable claim"),
    ("The exchange of prisoners on the same day freed 175 soldiers on each side.",
     "N", "N", "'the same day' = 19 Mar; exchange, true"),
    P,
    ("The pause on energy strikes will last 30 days.",
     "N", "N", "energy pause 30 days, true"),
    ("That pause was agreed by Putin on 18 March for 90 days.",
     "C", "N", "definite 'that pause'; 90 vs 30 days"),
])

ARTICLES["d03"] = ("2025-03-26", [
    ("11 March — US and Ukrainian officials hold talks in Jeddah.",
     "N", "N", "timeline heading; talks, true"),
    ("They lasted about eight hours.",
     "N", "N", "pronoun 'they lasted' of talks; 8 h, true"),
    ("18 March — Trump and Putin speak by phone.",
     "N", "N", "timeline heading; call, true"),
    ("The next day, Russia and Ukraine swap 175 prisoners each.",
     "N", "N", "'the next day' = 19 Mar after the heading; true"),
    ("The exchange is mediated by Qatar.",
     "C", "N", "definite 'the exchange'; wrong mediator"),
    ("The same day, Trump and Zelensky hold a call lasting about an hour.",
     "N", "N", "'the same day' = 19 Mar; about an hour, true"),
    ("It lasted five hours, by one account.",
     "C", "?", "pronoun 'it lasted' = the Trump-Zelensky call; 5 h vs about 1 h"),
])

ARTICLES["d04"] = ("2025-03-20", [
    ("Trump and Putin held a phone call on Tuesday.",
     "N", "N", "call, true"),
    ("On Wednesday the two presidents did not speak again.",
     "N", "N", "plural; negation; nothing to check against a record"),
    ("A separate call on Wednesday, between Trump and Zelensky, lasted about an hour.",
     "N", "N", "explicit names win over the remembered call"),
    ("The leaders discussed power plants.",
     "N", "N", "plural, no checkable claim"),
    P,
    ("Analysts say the swap was a sign of goodwill.",
     "N", "H", "'the swap' with no exchange named before: no claim"),
])

ARTICLES["d05"] = ("2025-03-20", [
    ("Russian President Vladimir Putin held a phone call with Donald Trump on Tuesday.",
     "N", "N", "title inside the name: Putin is 'the president' from here"),
    ("Markets in Moscow rose on the news.",
     "N", "N", "no claim"),
    ("Afterwards the president accepted a full ceasefire along the front line.",
     "C", "N", "role 'the president' = Putin; he did not accept the full ceasefire"),
    ("The president said drones had hit a hospital in Sumy overnight.",
     "N", "N", "'the president said': the speaker, not the striker; tension only"),
    P,
    ("President Zelensky spoke with Trump on Wednesday.",
     "N", "N", "title before the name: Zelensky is 'the president' now"),
    ("The president backed a halt to strikes on energy infrastructure.",
     "N", "N", "role 'the president' = Zelensky; he backed the energy pause"),
])

if __name__ == "__main__":
    write(ARTICLES, os.path.join(os.path.dirname(os.path.abspath(__file__)), "dev"), "dev")
