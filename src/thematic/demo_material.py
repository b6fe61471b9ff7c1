"""Raw material for the synthetic telemedicine-barriers demo study.

Pure data plus a few small helpers, standard library only.  The demo generator
(:mod:`thematic.demo`) draws on it to write varied semi-structured interview
transcripts, field notes and Urdu originals for the study template
``templates/telemedicine-barriers.yaml``.  All text was written for this
project; participants, places and events are fictional.

Conventions the generator can rely on (``tests/test_demo_material.py`` checks
the mechanical ones):

* Code paths are ``"Theme/Subtheme/Code"`` with ``/`` as separator; no node
  name in the template contains ``/``.  ``CODE_SENTENCES`` has exactly one key
  per leaf code of the template, in codebook order.
* Every English string in this module (sentences, probes, transitions, field
  notes) may contain ``{slot}`` placeholders and should be passed through
  :func:`fill`; strings without placeholders come back unchanged.  Every slot
  used is a key of ``SLOTS``; no template starts with a slot or puts ``a``/``an``
  directly before one, so filled sentences are grammatical.
* Each sentence is a complete sentence with final punctuation, so sentences
  can be joined with a space into a participant turn.
* Participant sentences are first person and, as far as possible, neutral
  about the speaker's gender, age, role, city and facility, so any sentence
  fits any participant.  Patients are referred to as "the patient" or "they"
  after a ``{patient}`` slot.
* Urdu strings contain no slots and no Latin letters.  First-person Urdu
  avoids gender-marked verb forms and the interviewer's Urdu avoids
  gender-marked address, so pairs fit any participant and interviewer.
* ``NEUTRAL_SENTENCES`` is all generic uncoded talk.  Its hedges and
  discourse markers are also listed in ``TURN_OPENERS`` (fit only at the start
  of an answer) and ``TURN_CLOSERS`` (fit only at the end); every other
  neutral sentence fits anywhere in a turn.
* ``DOMAIN_CONTEXT`` is keyed by the guide's domain names (Opening, the four
  themes, Closing): uncoded but on-topic talk, so that each section of an
  interview is not only barrier statements and generic filler.
* ``ROLE_INTRODUCTIONS`` (keyed by the template's ``role`` values) and
  ``FACILITY_CONTEXT`` (keyed by its ``facility`` values) hold the text written
  for a particular role or setting.  Role introductions name a particular
  position (pharmacist, dietitian, ...), so use one per participant.  Pass
  ``overrides={"department": ...}`` to :func:`fill` to keep slots such as the
  department consistent within one interview.
* Field notes speak of "the participant" and never mention a date or weekday,
  so they cannot contradict the interview date.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

__all__ = [
    "CODE_SENTENCES",
    "DOMAIN_CONTEXT",
    "FACILITY_CONTEXT",
    "FIELD_NOTE_SENTENCES",
    "INTERVIEWER_PROBES",
    "INTERVIEWER_TRANSITIONS",
    "NEUTRAL_SENTENCES",
    "PAKISTANI_FAMILY_NAMES",
    "PAKISTANI_GIVEN_NAMES",
    "PAKISTANI_GIVEN_NAMES_FEMALE",
    "PAKISTANI_GIVEN_NAMES_MALE",
    "POSITIVE_SENTENCES",
    "ROLE_INTRODUCTIONS",
    "SLOTS",
    "SLOT_PATTERN",
    "TURN_CLOSERS",
    "TURN_OPENERS",
    "URDU_INTERVIEWER",
    "URDU_LEAF",
    "URDU_PARALLEL",
    "fill",
    "leaf_code_paths",
    "slot_names",
]

# --------------------------------------------------------------------------- slots

SLOTS: dict[str, list[str]] = {
    "platform": [
        "the hospital portal",
        "the video app",
        "the teleclinic software",
        "the e-consult system",
        "the new telehealth platform",
        "the provincial teleconsult app",
        "the video clinic system",
    ],
    "month": [
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
    ],
    "weekday": [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
    ],
    "consult_kind": [
        "follow-up consultation",
        "video consult",
        "diabetes review",
        "antenatal follow-up",
        "post-operative check",
        "counselling session",
        "physiotherapy review",
        "wound review",
        "medication review",
        "blood pressure check",
    ],
    "department": [
        "medicine",
        "paediatrics",
        "gynae",
        "cardiology",
        "orthopaedics",
        "dermatology",
        "psychiatry",
        "endocrinology",
        "nephrology",
        "surgery",
    ],
    "colleague": [
        "our senior registrar",
        "the head nurse",
        "one of the house officers",
        "the charge nurse",
        "a pharmacist I work with",
        "the physiotherapist next door",
        "one of the PG trainees",
        "the ward in-charge",
        "my senior colleague",
        "the duty doctor",
    ],
    "duration": [
        "ten minutes",
        "fifteen minutes",
        "twenty minutes",
        "half an hour",
        "forty minutes",
        "almost an hour",
    ],
    "period": [
        "three weeks",
        "a month",
        "six weeks",
        "two months",
        "four months",
        "almost a year",
    ],
    "patient": [
        "an elderly man with diabetes",
        "a young mother with a feverish baby",
        "a farmer with uncontrolled blood pressure",
        "a schoolteacher recovering from surgery",
        "a pregnant woman in her third trimester",
        "a retired soldier with heart failure",
        "a teenage girl with asthma",
        "a widow living alone",
        "a rickshaw driver with a chest infection",
        "a college student with epilepsy",
    ],
    "place": [
        "a village near Multan",
        "a small town outside Sukkur",
        "a village in Tharparkar",
        "the hills above Murree",
        "a town near Mirpur Khas",
        "a village outside Attock",
        "a settlement near Dera Ghazi Khan",
        "a village in the Swat valley",
        "the outskirts of Bahawalpur",
        "a village near Jhang",
    ],
    "relative": [
        "the son",
        "the daughter",
        "the daughter-in-law",
        "a grandson",
        "a neighbour",
        "the nephew",
        "the elder brother",
    ],
    "device": [
        "the ward laptop",
        "the old desktop in the duty room",
        "a borrowed tablet",
        "the department's one webcam computer",
        "the shared phone at the nursing station",
        "the spare laptop from the library",
    ],
    "connection": [
        "the hospital Wi-Fi",
        "the broadband in the clinic",
        "the internet dongle",
        "the network in the OPD block",
        "the router in our corridor",
    ],
    "authority": [
        "the health department",
        "the ministry",
        "the provincial government",
        "the medical commission",
        "the health care commission",
        "the federal health ministry",
    ],
    "other_system": [
        "the hospital information system",
        "the lab system",
        "the pharmacy software",
        "the radiology viewer",
        "the OPD registration system",
        "the admissions database",
    ],
    "count": [
        "two",
        "three",
        "four",
        "five",
        "six",
    ],
    "time_of_day": [
        "the morning OPD",
        "the evening clinic",
        "a night shift",
        "the lunch break",
        "the ward round",
        "the Saturday clinic",
    ],
    "condition": [
        "diabetes",
        "high blood pressure",
        "asthma",
        "epilepsy",
        "thyroid disease",
        "heart failure",
        "depression",
        "kidney disease",
        "hepatitis C",
    ],
    "result": [
        "the HbA1c result",
        "the chest X-ray",
        "the ultrasound report",
        "the blood count",
        "the ECG",
        "the liver function report",
        "the thyroid profile",
    ],
    "setting": [
        "the doctors' room on the second floor",
        "a small office beside the ward",
        "a corner of the hospital canteen",
        "the nursing station after the evening shift",
        "an empty consultation room in the OPD block",
        "the telehealth unit's meeting room",
        "a quiet seminar room in the teaching block",
    ],
    "interruption": [
        "a phone call from the ward",
        "a colleague needing a signature",
        "the call to prayer from the nearby mosque",
        "a brief power cut",
        "construction noise from the new building",
        "a relative knocking on the door to ask for directions",
        "a junior colleague with an urgent question",
    ],
}
"""Slot vocabularies: ``{name}`` in any template is replaced by one of these values."""

# ---------------------------------------------------------------------- coded talk

_CODE_TREE: dict[str, dict[str, dict[str, list[str]]]] = {
    "Systemic": {
        "Policy ambiguity": {
            "No national telemedicine guidelines": [
                (
                    "Honestly, I have never seen a single national guideline on telemedicine, not "
                    "from {authority}, not from anyone."
                ),
                (
                    "We keep asking {authority} for a framework, something written down, and every "
                    "year the answer is the same: it is under consideration."
                ),
                (
                    "In other countries there are proper standards for video consultation; here we "
                    "are making it up as we go along."
                ),
                (
                    "If you ask me what the national policy on remote consultation is, I would say "
                    "there isn't one, at least not one that has reached us."
                ),
                (
                    "I think... I think there was a draft once, during COVID, but it never became "
                    "anything official."
                ),
                (
                    "Without guidelines from the top, every one of us decides privately what a "
                    "safe video consult looks like, and that is dangerous."
                ),
                (
                    "Last {month} {colleague} went to a seminar on digital health, and even there "
                    "nobody could point to an actual national guideline."
                ),
                (
                    "We have national guidelines for hand hygiene, for blood transfusion, for "
                    "everything, but for telemedicine there is nothing from {authority}."
                ),
                (
                    "It makes me angry, actually, because they launched all these e-health "
                    "projects with big banners and never wrote down the basic rules."
                ),
                (
                    "Maybe there is a policy lying in some file at {authority}, but if we have "
                    "never seen it, then for us it does not exist."
                ),
            ],
            "Fragmented hospital-level decisions": [
                (
                    "In my previous hospital video prescriptions were allowed, and here the MS has "
                    "banned them, so the same patient gets different rules depending on which gate "
                    "they walk through."
                ),
                (
                    "Every new head of department brings new rules for the teleclinic, and by the "
                    "time we learn them, the head has been transferred."
                ),
                (
                    "Even within this hospital, {department} does video follow-ups one way and the "
                    "unit next door does them completely differently."
                ),
                (
                    "The circular in {month} said one thing, and two weeks later a message on the "
                    "staff group from admin said the opposite."
                ),
                "Each hospital is its own little kingdom when it comes to telemedicine.",
                (
                    "Our sister branch in another city uses a consent form for video calls and we "
                    "don't, and nobody can explain why."
                ),
                (
                    "Rules change with the people; when {colleague} was in charge we had a proper "
                    "roster, and now nobody knows who is on."
                ),
                (
                    "I've stopped following the telemedicine rules very closely, because they will "
                    "change again in a month anyway."
                ),
                (
                    "It's all verbal, you know; somebody from administration comes to the ward and "
                    "says, from today, do it like this."
                ),
                (
                    "What frustrates me is that two units ten metres apart cannot agree on who is "
                    "allowed to call a patient back."
                ),
            ],
            "Uncertain scope of remote practice": [
                (
                    "I'm never sure whether a prescription written after a video call is even "
                    "valid at the pharmacy, so I just ask them to come in."
                ),
                (
                    "Can we see a new patient on video, or only follow-ups? Nobody has ever told "
                    "me clearly."
                ),
                (
                    "Some patients call from another province and I wonder, am I even allowed to "
                    "consult them from here?"
                ),
                (
                    "We don't know if a sick-leave certificate issued after a phone consultation "
                    "is acceptable, so most of us simply refuse."
                ),
                (
                    "There is a grey area; controlled medicines, for example, I would never touch "
                    "over the phone, but nobody has written that down."
                ),
                (
                    "I limit myself to advice and repeat medicines, because I honestly don't know "
                    "where the line is."
                ),
                (
                    "The patient asks, can you just change the dose over the call? And I hesitate, "
                    "because is that allowed or not?"
                ),
                (
                    "It is not clear whether a video consult counts as a proper visit in the "
                    "patient's file or just an informal chat."
                ),
                (
                    "Whether a routine {consult_kind} can be done fully remotely or needs a "
                    "physical visit first, that decision is left to each of us."
                ),
                (
                    "When {patient} from {place} asked for a referral letter over video, I wasn't "
                    "sure I could issue one without seeing them in person."
                ),
            ],
        },
        "Inconsistent funding": {
            "Pilot funding that ends": [
                (
                    "The whole teleclinic was running on a donor project, and when the project "
                    "ended in {month}, the service basically stopped."
                ),
                (
                    "During COVID there was money for tablets and data, and then suddenly there "
                    "was nothing."
                ),
                (
                    "We had a very good set-up for about {period}, with a coordinator and "
                    "everything, and then the grant finished and the coordinator left."
                ),
                (
                    "There are still {count} tablets locked in a cupboard from that pilot, because "
                    "nobody pays for the internet packages now."
                ),
                (
                    "Every year we hear that the service may close at the end of the financial "
                    "year; how can anyone plan like that?"
                ),
                (
                    "It was a pilot, they said. Pilots in this country have a beginning and an "
                    "end, but no middle."
                ),
                (
                    "When the funding stopped, patients were still calling the number, and there "
                    "was nobody to pick up."
                ),
                (
                    "I don't blame the donors, it was their project, but the government should "
                    "have taken it over, and nobody did."
                ),
                (
                    "We trained people, made a roster, got patients used to it, and then the money "
                    "just... disappeared."
                ),
                (
                    "The screens in the telehealth room were bought with project money; when one "
                    "broke, there was no budget at all for the repair."
                ),
            ],
            "Staff paying out of pocket": [
                (
                    "I use my own mobile data for these calls, and by the twentieth of the month "
                    "my package is finished."
                ),
                (
                    "The headset I use, I bought it myself from the market, because the one the "
                    "hospital promised never came."
                ),
                (
                    "Nobody reimburses the internet; I top up my phone with my own money, maybe "
                    "two thousand rupees a month."
                ),
                (
                    "Honestly, I have spent more on this service than the hospital has, if you "
                    "count the phone, the data, the charger."
                ),
                (
                    "When {connection} is down I make a hotspot from my own phone, because what "
                    "else can I do, the patient is waiting."
                ),
                (
                    "I bought a small ring light with my own money so that patients can see my "
                    "face properly, can you believe it?"
                ),
                (
                    "My family pays the home internet bill, and a good part of it goes on my "
                    "evening video clinic."
                ),
                (
                    "They gave us the duty but not the phone; every call to a patient is from my "
                    "personal number, on my own balance."
                ),
                (
                    "We asked for a small data allowance, even a symbolic one, and the file has "
                    "been moving between offices for {period}."
                ),
                (
                    "It's not a lot of money, but on a government salary, a few thousand rupees "
                    "every month for data is something."
                ),
            ],
            "No payment model for remote consults": [
                (
                    "Video consults are not counted anywhere, so in the monthly statistics it "
                    "looks as if I did nothing that afternoon."
                ),
                (
                    "In private practice patients expect the video call to be free, or they argue "
                    "about the fee afterwards."
                ),
                (
                    "There is no allowance or extra pay for telemedicine duty; it's simply been "
                    "added to the job, in practice if not on paper."
                ),
                (
                    "The hospital earns nothing from remote consults, so administration has no "
                    "reason to invest in them."
                ),
                "How do you charge for a phone call? There is no system, no receipt, nothing.",
                (
                    "Patients pay at the counter for an OPD visit, but for video there is no "
                    "counter, so there is no fee."
                ),
                (
                    "If remote work were counted like OPD work, I think management would take it "
                    "seriously overnight."
                ),
                (
                    "We discussed a small fee for video follow-ups, but nobody could decide how "
                    "the money would be collected or where it would go."
                ),
                (
                    "I do {count} or more video consults on a good day, and not one of them "
                    "appears in my performance record."
                ),
                (
                    "The insurance schemes our patients have don't cover telemedicine, so it is "
                    "either free or straight out of their pocket."
                ),
            ],
        },
        "Regulatory ambiguity and data privacy": {
            "Unclear professional liability": [
                (
                    "If I miss something on a video call, who is responsible? Me, the hospital, "
                    "the software company? Nobody has answered that."
                ),
                (
                    "The family will say, you didn't even see the patient properly, and that will "
                    "be the end of me."
                ),
                (
                    "I'm scared, frankly, that one day a complaint will come from a remote consult "
                    "and the hospital will say it was my personal decision."
                ),
                (
                    "We have no indemnity, nothing in writing that says the institution stands "
                    "behind us in telemedicine."
                ),
                (
                    "So what I do now is refer almost everyone for a physical visit, just to "
                    "protect myself."
                ),
                (
                    "A colleague got a complaint after a phone consultation, and the inquiry "
                    "dragged on for {period}; after that everyone became very careful."
                ),
                (
                    "Legally, I don't know where I stand if a patient in {place} deteriorates "
                    "after following my advice on the phone."
                ),
                (
                    "Every time I end a video call I think, if something happens tonight, my name "
                    "is on that note."
                ),
                (
                    "The regulations were written for patients who walk in through the door, not "
                    "for patients on a screen."
                ),
                (
                    "It's not that I don't want to help; it's that the whole risk sits on my "
                    "shoulders and nobody shares it."
                ),
            ],
            "Patient data on personal devices": [
                (
                    "Half the pictures in my phone are patients' reports and prescriptions, and I "
                    "know that is not right."
                ),
                (
                    "Patients send their lab results to my personal number on a chat app, because "
                    "there is no official way to send them."
                ),
                (
                    "If I lose this phone, I lose their privacy with it; most of those chats have "
                    "no protection at all."
                ),
                (
                    "We have a staff chat group where photos of wounds and ECGs are shared, with "
                    "names and everything, and nobody thinks twice."
                ),
                (
                    "My nephews play games on my phone sometimes, and I worry, because the patient "
                    "messages are right there."
                ),
                (
                    "The hospital never gave us a secure system, so everything clinical goes "
                    "through ordinary messaging apps."
                ),
                (
                    "I delete the reports every few weeks, but I know they are still sitting on "
                    "some server somewhere."
                ),
                (
                    "When {colleague} changed phones, nobody asked what happened to all the "
                    "patient data on the old one."
                ),
                (
                    "Who owns these pictures? Where do they go? I really don't know, and some "
                    "nights it bothers me."
                ),
                (
                    "Anyone who knows the shared password for {platform} can open any patient's "
                    "file, and half the ward knows it."
                ),
            ],
            "Consent and confidentiality in remote consults": [
                (
                    "She couldn't tell me about the bleeding, because her mother-in-law was "
                    "holding the phone the whole time."
                ),
                (
                    "We never take proper consent for video; we just assume that if they picked "
                    "up, they agreed."
                ),
                (
                    "Patients take the call in a shop, on a bus, in a crowded room, and I'm asking "
                    "them about their bowel habits."
                ),
                (
                    "I do my video calls from the nursing station, and everyone passing by can "
                    "hear what the patient is saying."
                ),
                (
                    "In mental health especially, how can someone talk openly when the whole "
                    "family is sitting around the phone?"
                ),
                (
                    "I once found out that a relative was recording the consultation on another "
                    "phone, and I had no idea what to do about it."
                ),
                (
                    "There is no consent form for telemedicine here, not even a verbal script that "
                    "we are supposed to read out."
                ),
                (
                    "With {patient}, {relative} answered every question, and I never found out "
                    "what the patient actually wanted to say."
                ),
                (
                    "Young women especially will not speak about personal things if a male "
                    "relative is in the room, and on video there is always someone in the room."
                ),
                (
                    "Should I document that consent was given verbally? Nobody has told us, so "
                    "mostly we don't."
                ),
            ],
        },
    },
    "Technological": {
        "Usability and glitches": {
            "Platform crashes and freezes": [
                (
                    "Last {month} {platform} froze three times during one {consult_kind} and I "
                    "lost the notes."
                ),
                (
                    "It just hangs, the little circle keeps turning, and the patient is looking at "
                    "me thinking I am the problem."
                ),
                (
                    "After the update in {month}, {platform} logs us out every {duration}, right "
                    "in the middle of writing."
                ),
                (
                    "Sometimes I spend more time restarting the thing than actually talking to the "
                    "patient."
                ),
                (
                    "The prescription page crashes if you add more than five medicines, so I write "
                    "two prescriptions for one patient."
                ),
                (
                    "Honestly, I write my notes in a notebook first now, because I don't trust "
                    "{platform} not to swallow them."
                ),
                "Error, error, error, please try again later. That is the message I know best.",
                (
                    "It crashed right when I was explaining the dose to {patient}, and when I "
                    "called back, nobody answered."
                ),
                (
                    "On {weekday} mornings, when everyone logs in together, the system simply "
                    "freezes for the first {duration}."
                ),
                (
                    "I don't know what happens at the back end, but it stops responding at least "
                    "once in every clinic."
                ),
            ],
            "Unintuitive interface": [
                (
                    "To write one prescription you go through five screens; whoever designed it "
                    "has never sat in an OPD."
                ),
                (
                    "The buttons are tiny and every label is in technical English that even I have "
                    "to guess at."
                ),
                (
                    "It took me {period} to find where the old notes are hidden; they're under a "
                    "menu called 'Archive settings', of all places."
                ),
                "Why do I need to enter my password {count} times to start one call?",
                (
                    "The layout makes no sense for clinical work; the history is on one tab, the "
                    "vitals on another, and you can't see both at once."
                ),
                "It feels like it was designed for a bank, not for a clinic.",
                (
                    "Patients' names keep getting spelled wrong because the form only accepts "
                    "certain formats, and there is no Urdu option at all."
                ),
                (
                    "Simple things, like rescheduling, need {count} clicks and a confirmation "
                    "code, so I just phone the patient instead."
                ),
                (
                    "You know, a good system should feel invisible; this one is always in front of "
                    "you, shouting."
                ),
                "The drop-down list of diagnoses is so long that I just pick 'Other' every time.",
            ],
            "Audio and video quality": [
                "On the screen every rash looks the same colour, a kind of orange blur.",
                (
                    "The camera on {device} is so poor that I can't tell a healing wound from an "
                    "infected one."
                ),
                (
                    "There's an echo, and a delay, so we keep talking over each other and the "
                    "patient gets confused."
                ),
                (
                    "With {patient}, the picture was so dark that I asked them to go and stand "
                    "near the window."
                ),
                (
                    "You cannot hear a wheeze through a phone speaker, no matter how close they "
                    "hold it."
                ),
                "The sound keeps cutting in and out even when the connection shows full bars.",
                (
                    "Patients' phone cameras are usually cracked or blurry, so I'm trying to look "
                    "at a throat through broken glass."
                ),
                (
                    "For the {consult_kind} I needed to see how the patient walks, and the video "
                    "was so jerky it was almost useless."
                ),
                (
                    "The microphone on our desktop picks up every noise from the corridor, so "
                    "patients hear the whole ward and not me."
                ),
                (
                    "Skin colour, jaundice, pallor, it all changes with the lighting and the cheap "
                    "camera."
                ),
            ],
        },
        "Internet reliability": {
            "Dropped connections during consults": [
                (
                    "Three times in one consult the call dropped, and each time the patient had to "
                    "start the story again."
                ),
                (
                    "When {connection} goes down, which is most afternoons, the video simply "
                    "freezes and cuts."
                ),
                "We start on video and end on a normal phone call, almost every time.",
                (
                    "I lose maybe one call in three; the patient is there, I am here, and the line "
                    "in between just isn't."
                ),
                (
                    "Our block has almost no signal, so I walk to the corridor near the stairs to "
                    "do my calls."
                ),
                (
                    "It's very embarrassing; you are in the middle of explaining something serious "
                    "and the call just ends."
                ),
                (
                    "The call drops, you call back, it rings and rings, and you don't know if they "
                    "gave up or lost the signal."
                ),
                "Last {weekday} I had {count} calls fail before lunch, all because of the network.",
                (
                    "Internet here is like the weather; you check it in the morning and hope for "
                    "the best."
                ),
                (
                    "Sometimes it takes {duration} to connect, and by then the patient has assumed "
                    "we forgot them."
                ),
            ],
            "Rural patients' poor connectivity": [
                "Patients from {place} have to climb onto the roof to get one bar of signal.",
                (
                    "Many of our patients share one phone among the whole family, and it's with "
                    "whoever went to the market."
                ),
                (
                    "For people in {place}, a video call is a dream; we are lucky if a voice call "
                    "stays connected."
                ),
                (
                    "They don't have data on their phones, and they won't buy a package just for a "
                    "fifteen-minute call."
                ),
                (
                    "The patients who need telemedicine most are exactly the ones who can't "
                    "connect to it; that is the irony."
                ),
                (
                    "One man from {place} walks to the main road every time we have a follow-up, "
                    "because that is the only place with signal."
                ),
                "We schedule the call around when {relative} comes home with the smartphone.",
                "In the city it works, more or less; once you go past the last town, forget it.",
                (
                    "I've started doing rural follow-ups by plain phone call, because video there "
                    "is simply not possible."
                ),
                (
                    "When the mobile tower near {place} was down for {period}, we lost contact "
                    "with a whole group of patients."
                ),
            ],
            "Power outages and load-shedding": [
                "At two o'clock the light goes, the router goes, and my video patient is gone.",
                (
                    "Load-shedding is two hours at a time in our area, and the generator doesn't "
                    "cover the telehealth room."
                ),
                (
                    "We plan the video clinic around the load-shedding schedule, and then the "
                    "schedule changes."
                ),
                (
                    "On the patient's side too; they say, the light has gone, my phone is dying, "
                    "can we talk tomorrow?"
                ),
                "The UPS lasts {duration} at most, and then the computer just switches off.",
                (
                    "In the summer months the power cuts were so bad that we cancelled almost half "
                    "of the remote clinics."
                ),
                (
                    "People in villages charge their phones at a neighbour's house, so the battery "
                    "is always low when we call."
                ),
                (
                    "The wiring in our block trips if you run the air conditioner and the computer "
                    "together, so we choose one."
                ),
                "You cannot run a digital service on electricity that comes and goes.",
                (
                    "With solar at home I can manage my evening calls, but the patients in {place} "
                    "don't have that luxury."
                ),
            ],
        },
        "Interoperability": {
            "No link to hospital records": [
                (
                    "On video I have no history at all; I ask what medicines they take and they "
                    "say, the white one and the small one."
                ),
                (
                    "The trouble is that {platform} doesn't talk to {other_system}, so I can't see "
                    "what happened at the last visit."
                ),
                (
                    "The patient's file is on paper in the records room and I am on a screen, so I "
                    "am working blind."
                ),
                (
                    "What I write in the teleconsult never reaches the ward file, so if the "
                    "patient gets admitted, nobody knows what I advised."
                ),
                (
                    "I keep my own little notebook for my video patients, because there is nowhere "
                    "else where their story sits together."
                ),
                (
                    "If {patient} from {place} calls me, I have to remember the case from memory, "
                    "because the old notes are in another system."
                ),
                (
                    "Two systems, two separate worlds; the OPD and the telemedicine team might as "
                    "well be in different hospitals."
                ),
                (
                    "Allergies, previous reactions, all of that is in {other_system}, and I can't "
                    "open it from the teleclinic computer."
                ),
                (
                    "We asked for a link to the main record, and IT said it was technically "
                    "impossible, whatever that means."
                ),
                (
                    "A proper shared record would change everything; right now each consult is an "
                    "island."
                ),
            ],
            "Duplicate data entry": [
                (
                    "I write the note in {platform}, then the same note in the register, then "
                    "again in {other_system}."
                ),
                "Every patient's name, age, phone number, I type three times a day.",
                (
                    "The paper register has to be maintained because the inspection team wants to "
                    "see paper, so we do both."
                ),
                (
                    "For a ten-minute consult the documentation takes me {duration}, and most of "
                    "it is copying."
                ),
                "Honestly, the copying is what kills me, not the consults themselves.",
                (
                    "There is a data entry operator for the OPD, but for telemedicine we are the "
                    "data entry operators."
                ),
                (
                    "If I make a mistake in one system I have to correct it in all three, and half "
                    "the time I forget one."
                ),
                (
                    "I've started copy-pasting from a text file to save time, which is probably "
                    "not how it's meant to be used."
                ),
                (
                    "The monthly report asks for the same numbers that are already in the system, "
                    "but somebody still has to count them by hand."
                ),
                (
                    "At the end of the day I spend another hour entering the day's video patients "
                    "into {other_system}."
                ),
            ],
            "Lab and imaging results not accessible": [
                (
                    "The patient holds the X-ray up to the window so I can see it on the camera; "
                    "that is our imaging system."
                ),
                (
                    "I can't open {result} from {platform}, so the patient has to photograph it "
                    "and send it to me."
                ),
                "Half my remote consults start with, please send me a picture of the report.",
                (
                    "Last {month} {result} was abnormal, but it was sitting in {other_system} and "
                    "nobody saw it until the next visit."
                ),
                (
                    "The lab has its own software, we have ours, and in between there is a peon "
                    "carrying papers."
                ),
                (
                    "I asked for the ultrasound images and got a photo of a photo, taken at an "
                    "angle, under a tube light."
                ),
                (
                    "If the results were linked, I could do a proper follow-up on video; without "
                    "them, it is half a consultation."
                ),
                (
                    "Patients from {place} often have their tests done at a private lab, and we "
                    "never see those results unless they bring the paper."
                ),
                (
                    "I had to postpone the {consult_kind} because {result} hadn't reached me, "
                    "although the test was done days earlier."
                ),
                (
                    "We spend the first few minutes of every call just hunting for results: by "
                    "phone, by photo, by asking the lab."
                ),
            ],
        },
    },
    "Organizational": {
        "Lack of training": {
            "No formal orientation": [
                "Nobody sat with us even for an hour; they gave us the log-in and said, start.",
                (
                    "We were told on a Monday to begin the video clinic from Wednesday, and that "
                    "was the training."
                ),
                (
                    "When I joined in {month}, there was no induction for the telemedicine side at "
                    "all."
                ),
                "There is no manual, no written guide, nothing to look at when you get stuck.",
                (
                    "It was stressful, honestly, starting something with patients on the other end "
                    "and no idea what I was doing."
                ),
                (
                    "We were expected to just know it, as if telemedicine was something they "
                    "taught us in college."
                ),
                (
                    "On the first day I didn't even know how to let a patient in from the virtual "
                    "waiting room."
                ),
                "Not one formal session, not one, in {period} of doing this.",
                (
                    "They assume that because everyone has a smartphone, everyone knows how to run "
                    "a clinical consultation on one."
                ),
                (
                    "New staff keep joining the unit and nobody orients them, so the same mistakes "
                    "come back every few months."
                ),
            ],
            "Learning from colleagues informally": [
                (
                    "Everything I know about {platform}, one of the house officers taught me in "
                    "the corridor."
                ),
                "I watched videos online at night to work out how to share the screen.",
                (
                    "When I get stuck I shout for {colleague}, who figured it all out by trial and "
                    "error."
                ),
                (
                    "We made our own little guide with screenshots and passed it around on the "
                    "staff group."
                ),
                "My niece showed me how to adjust the camera and the sound; she's fourteen.",
                "Mostly it's trial and error, and the errors happen with real patients.",
                (
                    "We learn from each other, which is nice in a way, but it means we also learn "
                    "each other's mistakes."
                ),
                (
                    "There's one nurse in {department} who is very good with it, and everyone goes "
                    "to her."
                ),
                (
                    "I learned by sitting beside {colleague} for a few video clinics and just "
                    "watching."
                ),
                (
                    "It spreads like gossip; someone discovers a shortcut and by evening the whole "
                    "ward knows it."
                ),
            ],
            "Training not matched to clinical practice": [
                (
                    "The company showed us the menus on a projector; nobody showed us how to "
                    "examine a child through a phone."
                ),
                (
                    "There was one session in {month}, a lecture, forty people in a hall and not "
                    "one computer."
                ),
                (
                    "They trained us on the software but not on the clinical side: what to ask, "
                    "what to look for, when to call the patient in."
                ),
                (
                    "The training was during duty hours, so half of us were called back to the "
                    "ward halfway through."
                ),
                (
                    "One session, and then nothing; no refresher, no follow-up, even after the "
                    "system changed."
                ),
                (
                    "It was all theory, slides about the benefits of digital health, and we "
                    "already knew the benefits."
                ),
                (
                    "What we needed was someone to sit with us in a real clinic for a week, not a "
                    "slideshow."
                ),
                "The trainer was from IT and couldn't answer a single clinical question.",
                (
                    "By the time we actually started, {period} after the training, everyone had "
                    "forgotten it."
                ),
                (
                    "Nobody trained us to communicate through a screen, how to give difficult "
                    "news, how to build trust on video."
                ),
            ],
        },
        "Weak administrative and IT support": {
            "IT help unavailable when needed": [
                (
                    "I logged the complaint on the ninth; it's the twenty-fifth now and the ticket "
                    "still says pending."
                ),
                (
                    "There is one IT person for the whole hospital, and he is usually in the admin "
                    "block fixing a printer."
                ),
                (
                    "At night or at the weekend there is no support at all, so if it breaks, it "
                    "stays broken until Monday."
                ),
                (
                    "When I call IT they tell me to restart, and if that doesn't work, they tell "
                    "me to call the vendor."
                ),
                (
                    "I've become the unofficial IT person on my floor, which is not what I trained "
                    "for."
                ),
                "They come after {duration}, look at it, say it's a network issue, and go.",
                (
                    "The IT staff don't understand that a patient is waiting on the other side; "
                    "for them it's just another complaint."
                ),
                "Honestly, calling IT is the last thing I do; it's faster to ask {colleague}.",
                (
                    "The vendor's helpline works from nine to five, and our evening clinic starts "
                    "at five."
                ),
                (
                    "Last {month} the camera stopped working and it took {period} before anyone "
                    "came to look at it."
                ),
            ],
            "Management not engaged": [
                "They launched it with a ribbon and a photograph, and then they forgot about it.",
                "They asked for our feedback once; we wrote three pages, and nothing came back.",
                (
                    "Management is interested in the number of consults for the report, not in "
                    "whether they were any good."
                ),
                (
                    "There's no one person in charge of telemedicine; if you ask who owns it, "
                    "everyone points to someone else."
                ),
                "The decision to start was made in a meeting we weren't invited to.",
                (
                    "I raised the problems at {count} departmental meetings, and the minutes just "
                    "say 'noted'."
                ),
                (
                    "If the MS or the director came and sat in one video clinic, just one, I think "
                    "things would change."
                ),
                "What we lack is a champion, somebody senior who believes in it and fights for it.",
                (
                    "Our head of department calls telemedicine the future in every speech, but has "
                    "never once asked us what we need."
                ),
                (
                    "Leadership wants results without giving anything: no time, no staff, no "
                    "attention."
                ),
            ],
            "Equipment and space shortages": [
                (
                    "There is one laptop with a camera for the whole department, and it lives in "
                    "the head's office."
                ),
                (
                    "We do video calls from the corridor because there is no room, so patients "
                    "hear the trolleys, the announcements, everything."
                ),
                "The headset broke in {month} and we are still waiting for a replacement.",
                (
                    "Three of us share one computer, so the video clinic waits until the discharge "
                    "summaries are finished."
                ),
                (
                    "No webcam, no headphones, no quiet room; they gave us a phone number and "
                    "called it telemedicine."
                ),
                (
                    "The telehealth unit has {count} workstations, and only two of them have a "
                    "camera that works."
                ),
                "I do consults from {device} because the unit's own equipment is always taken.",
                (
                    "A private room would make a huge difference, honestly, more than any new "
                    "software."
                ),
                "The telemedicine corner is a table behind a curtain in the nursing station.",
                (
                    "We requested two more tablets {period} ago; the demand is still stuck "
                    "somewhere between purchase and accounts."
                ),
            ],
        },
        "Workflow disruption and scheduling": {
            "Added on top of clinical workload": [
                (
                    "Nobody took anything off my plate; the video clinic is just on top, after the "
                    "OPD, when I'm already finished."
                ),
                (
                    "I do my remote follow-ups in the lunch break or after the shift, because "
                    "there's no other time."
                ),
                "It's the same staff, the same hours, and now one more service.",
                (
                    "By the end of the evening video list I am exhausted, and tomorrow starts at "
                    "eight again."
                ),
                (
                    "They promised protected time for telemedicine, two hours a week, and it never "
                    "happened."
                ),
                (
                    "I think this is part of why so many of us are burning out; it's one more "
                    "thing, always one more thing."
                ),
                (
                    "On paper telemedicine was supposed to reduce the OPD load; in reality we got "
                    "both."
                ),
                (
                    "Patients message at eleven at night, and because it's my number, I feel I "
                    "have to reply."
                ),
                (
                    "Our unit is already short of {count} staff, and telemedicine was handed to "
                    "the same people."
                ),
                (
                    "Sometimes I finish the last {consult_kind} at nine at night and realise I "
                    "haven't eaten since the morning."
                ),
            ],
            "Unclear appointment protocols": [
                (
                    "Sometimes the patient calls me directly, sometimes reception books, sometimes "
                    "nobody books and they just appear online."
                ),
                "Nobody tells the patients the time, so half of them don't pick up when we call.",
                (
                    "There is no rule for who is suitable for video and who must come in; it's "
                    "decided on the spot."
                ),
                (
                    "We have no system for no-shows: do we call again, mark them absent, book a "
                    "new slot? Everyone does it differently."
                ),
                (
                    "I found out on {weekday} that {count} video patients had been booked in my "
                    "name without anyone telling me."
                ),
                (
                    "If the patient needs to come in after the video consult, there's no fast "
                    "track; they go back into the general queue."
                ),
                (
                    "The booking is on a paper sheet at reception and the link is sent from "
                    "someone's phone; it's chaos, honestly."
                ),
                (
                    "Follow-up dates get lost because the system sends no reminder and there is "
                    "nobody to phone the patients."
                ),
                (
                    "Nobody has told us how long a video slot should be, so some people book five "
                    "minutes and some book thirty."
                ),
                (
                    "When {patient} missed the slot, I had no idea whether to rebook or discharge, "
                    "and I still don't know what the rule is."
                ),
            ],
            "Clashes with in-person clinics": [
                "Forty patients outside my door and the screen is ringing; who do I see first?",
                (
                    "I'm halfway through the ward round when my phone says the video patient has "
                    "been waiting {duration}."
                ),
                (
                    "Patients in the room get annoyed when I turn to talk to the laptop; they have "
                    "been queuing since the morning."
                ),
                (
                    "The video clinic is scheduled at the same time as the physical OPD, which "
                    "makes no sense at all."
                ),
                (
                    "If an emergency comes in, the video patients simply wait, sometimes for an "
                    "hour, sometimes forever."
                ),
                "You can't be in two places at once, and this system expects exactly that.",
                (
                    "I keep switching between the patient in front of me and the screen, and I "
                    "lose my train of thought with both."
                ),
                (
                    "During {time_of_day} it's impossible; the physical crowd takes everything and "
                    "the remote patients are forgotten."
                ),
                (
                    "We tried alternating, one physical, one remote, and it just made both queues "
                    "angry."
                ),
                "Every single time the video connects, someone calls me to a bedside.",
            ],
        },
    },
    "Personal": {
        "Digital illiteracy": {
            "Low confidence with technology": [
                (
                    "Every time I open {platform} my heart beats a little faster, in case I delete "
                    "something."
                ),
                (
                    "I'm not a computer person; I can handle a busy ward, but this screen makes me "
                    "feel like a fool."
                ),
                (
                    "I avoid the video clinic when I can and just phone the patient, because the "
                    "phone I understand."
                ),
                "I'm embarrassed to ask for help again and again with the same thing.",
                (
                    "Honestly, I still write everything on paper first; I don't trust myself with "
                    "the screen."
                ),
                (
                    "I pressed something once and the whole call disappeared, and since then I'm "
                    "scared of that button."
                ),
                "I'm slow at typing, so the patient sits there watching me hunt for the letters.",
                (
                    "I know it isn't difficult for others, but for me it's like learning to drive "
                    "at this stage."
                ),
                (
                    "If somebody else starts the call for me I'm fine; it's the setting up that I "
                    "can't manage."
                ),
                "I keep thinking I'm doing something wrong, even when it's working perfectly well.",
            ],
            "Generational divide": [
                (
                    "The young ones grew up with phones in their hands; for the older staff it is "
                    "a second language."
                ),
                (
                    "Our senior consultants simply don't touch it; they tell the house officers to "
                    "do the video follow-ups."
                ),
                (
                    "The system assumes everyone is twenty-five and grew up on apps, and the older "
                    "staff are just putting up with it."
                ),
                (
                    "The junior staff click around without fear, while the senior staff are afraid "
                    "of breaking something."
                ),
                (
                    "When {colleague} qualified there wasn't even a computer on the ward, so you "
                    "can't expect the same ease as the juniors."
                ),
                (
                    "In our department the divide is very clear: under thirty-five it's easy, over "
                    "fifty it's a struggle."
                ),
                (
                    "The professors need their juniors to start the calls for them, which is a bit "
                    "funny and a bit sad."
                ),
                "I don't think it's about intelligence; it's about what you grew up with.",
                (
                    "Age makes a difference, definitely; the older staff would rather see fifty "
                    "patients in person than five on video."
                ),
                (
                    "Whenever there is a new feature, the youngest person in the room ends up "
                    "teaching the oldest, every time."
                ),
            ],
            "Patients' limited digital skills": [
                (
                    "The uncle couldn't find the camera button, so for {duration} I was looking at "
                    "his ceiling fan."
                ),
                (
                    "Most of our elderly patients can't open a link, so {relative} has to do "
                    "everything for them."
                ),
                (
                    "Many patients can't read the text message with the appointment time, so they "
                    "never join."
                ),
                (
                    "I spend the first five minutes of every call teaching the patient how to hold "
                    "the phone."
                ),
                "When {relative} is at work, the patient simply can't join the call.",
                "The app asks for an email address, and most of my patients don't have one.",
                (
                    "They press the wrong button, the call ends, they call back on the normal "
                    "phone, and we start again."
                ),
                (
                    "Patients from {place} often have basic phones, and even when they get a "
                    "smartphone, nobody has shown them how to make a video call."
                ),
                (
                    "It's not their fault; a sixty-year-old farmer shouldn't need a computer "
                    "course to get medical advice."
                ),
                (
                    "We tried sending instructions in Urdu with pictures, and still many patients "
                    "couldn't manage without help."
                ),
            ],
        },
        "Emotional resistance and loss of the human touch": {
            "Missing physical examination": [
                "My hands are half of my diagnosis; on video my hands have nothing to do.",
                (
                    "I miss feeling the pulse, the skin, the abdomen; without that it feels like "
                    "an incomplete consultation."
                ),
                "You can't palpate through a screen, and for me that is the core of clinical work.",
                (
                    "After a video consult I always feel something is missing, as if I'd read only "
                    "half the book."
                ),
                (
                    "I was trained to examine, examine, examine, and now I'm supposed to just "
                    "listen and look."
                ),
                (
                    "With swellings and joints you need your hands; they tell you things the eye "
                    "cannot."
                ),
                (
                    "There's the smell of a wound, the warmth of a limb, things you only know when "
                    "you are there."
                ),
                (
                    "It feels strange, honestly, to finish a consultation without once touching "
                    "the patient."
                ),
                (
                    "The examination is also a ritual; the patient feels examined and I feel I "
                    "have done my job, and on video that is gone."
                ),
                "I keep wanting to reach through the screen, which sounds silly, but it's true.",
            ],
            "Loss of rapport and empathy": [
                (
                    "I had to tell a mother over a screen that her child needed admission, and I "
                    "couldn't even put a hand on her shoulder."
                ),
                "On video patients don't open up the way they do when they sit in front of you.",
                (
                    "There's no real eye contact; they look at the screen, I look at the camera, "
                    "and we miss each other."
                ),
                (
                    "When someone cries on a video call you just watch; you can't offer a tissue, "
                    "a glass of water, anything."
                ),
                "I feel more distant from my video patients; I think I remember their faces less.",
                (
                    "The small talk disappears; on video it's straight to business, and that small "
                    "talk is where trust is built."
                ),
                (
                    "Elderly patients especially want you to sit with them a little, and a call "
                    "doesn't give them that."
                ),
                (
                    "I can't read their expressions properly, so I don't know if they have "
                    "understood or are just being polite."
                ),
                (
                    "Honestly, I think our patients feel less cared for, even when the advice is "
                    "exactly the same."
                ),
                "Something human is lost, and I don't know how to get it back through a camera.",
            ],
            "Doubts that virtual care is real care": [
                "Sometimes I feel like a call-centre agent with a professional degree.",
                (
                    "Colleagues joke that the telemedicine people do 'phone duty', as if it isn't "
                    "proper work."
                ),
                (
                    "In my heart I don't think a video consultation is real medicine; it's advice, "
                    "not treatment."
                ),
                (
                    "Patients are one thing, but even I don't count my video consults as real "
                    "consultations."
                ),
                "It makes the profession smaller somehow; we are reduced to talking heads.",
                "When I'm on telemedicine duty I feel as though I've been taken off the real work.",
                "I didn't study all these years to read symptoms off a screen.",
                "Maybe I'm old-fashioned, but for me care means being present.",
                (
                    "The way it's talked about in meetings, it sounds like second-class care for "
                    "people who can't come in."
                ),
                "It's useful, yes, but I wouldn't call it clinical practice in the full sense.",
            ],
        },
        "Trust": {
            "Doubts about remote diagnostic accuracy": [
                (
                    "On video it looked like a simple viral rash; when the child came in, it was "
                    "measles."
                ),
                (
                    "I don't trust a blood pressure reading taken by the patient's cousin with a "
                    "machine from the bazaar."
                ),
                (
                    "With {patient}, I was almost sure on the call, but I still asked them to come "
                    "in, because almost sure is not enough."
                ),
                (
                    "I have missed things on video that I would never miss in person, and that "
                    "stays with me."
                ),
                "So many conditions look normal on a camera; you only find them when you examine.",
                (
                    "Patients describe their symptoms very differently on the phone; chest pain "
                    "becomes 'a little gas'."
                ),
                (
                    "I order more tests after remote consults, because I'm never fully confident "
                    "in what I saw."
                ),
                "If it is anything serious, I would not rely on a video consult, not for a second.",
                (
                    "The wound looked clean on camera, and three days later the patient came in "
                    "with a proper infection."
                ),
                (
                    "How can I be sure of a diagnosis when I'm relying on what they tell me and a "
                    "blurry picture?"
                ),
            ],
            "Patients' scepticism of remote care": [
                "The patient said, you didn't even check my pulse, how can you give me medicine?",
                (
                    "Families prefer to travel four hours to be seen in person rather than trust a "
                    "phone call."
                ),
                (
                    "Many patients think a video consult is a favour, not proper treatment, so "
                    "they come to the OPD anyway the next day."
                ),
                "Some patients refuse straight away; they say, we want to be seen properly.",
                "They don't really believe the advice until someone has physically examined them.",
                (
                    "Older patients especially think that if it happens on the phone, it can't be "
                    "serious medicine."
                ),
                (
                    "After a video consult, {patient} went to a private clinic the same evening "
                    "for a second opinion."
                ),
                (
                    "There's a feeling among patients that telemedicine is what the hospital gives "
                    "you when it doesn't want to see you."
                ),
                "They ask, is there a real person on the other side, or is it a computer?",
                "Trust takes years to build, and one bad experience on video can undo it.",
            ],
            "Suspicion of management motives": [
                "They say it is for the patients; I think it is for the annual report.",
                (
                    "Every call is logged, and some of us feel it's more about monitoring staff "
                    "than helping patients."
                ),
                (
                    "There's a rumour that if telemedicine works, they'll cut posts in the rural "
                    "health centres and call it coverage."
                ),
                (
                    "Whenever a delegation from {authority} visits, suddenly the telehealth room "
                    "is cleaned and switched on."
                ),
                (
                    "I sometimes wonder whether this is about donors and photographs more than "
                    "patient care."
                ),
                (
                    "If they can show a hundred video consults a month, they can say coverage is "
                    "good without hiring anyone."
                ),
                (
                    "People worry that one day we'll be told to run the whole clinic from a "
                    "screen, and half the staff won't be needed."
                ),
                (
                    "I don't fully trust the reasons we were given; the timing was too convenient, "
                    "just before the inspection."
                ),
                (
                    "They check our log-in times on {platform}, so it's also a way to see who "
                    "comes in late."
                ),
                "Cost-cutting, that's what it is, dressed up as innovation.",
            ],
        },
    },
}

CODE_SENTENCES: dict[str, list[str]] = {
    f"{theme}/{subtheme}/{code}": sentences
    for theme, subthemes in _CODE_TREE.items()
    for subtheme, codes in subthemes.items()
    for code, sentences in codes.items()
}
"""Leaf code path ("Theme/Subtheme/Code") -> first-person sentence templates expressing it."""

# -------------------------------------------------------------------- uncoded talk

NEUTRAL_SENTENCES: list[str] = [
    "I've been working here for a while now, and the hospital has changed a lot in that time.",
    "My day usually starts at eight with the morning handover.",
    "Yes, yes, I understand what you're asking.",
    "Let me think about that for a second.",
    "It depends on the day, honestly.",
    "We see a lot of patients from outside the city, not only locals.",
    "The OPD gets very crowded by ten in the morning.",
    "I did a rotation in {department} before I moved to this post.",
    "Mostly our patients are from low-income families: daily wagers, labourers, housewives.",
    "That's a good question, actually.",
    "I'm not sure I'm the right person to answer that, but I'll try.",
    "So, as I was saying, the morning is the busiest part.",
    "We have a small team, but everyone knows each other well.",
    "The ward has around thirty beds, and in winter it is always full.",
    "Tea comes at eleven, if we're lucky.",
    "I commute for almost an hour each way, so my day is long.",
    "Right, that's true, I agree with that.",
    "After lunch it's usually discharges and paperwork.",
    "I think every hospital has its own personality, and this one is very busy and very noisy.",
    "Our patients are patient people, most of the time, which is lucky for us.",
    "Let me give you an example, so it's clearer.",
    "I'm speaking only from my own experience, of course.",
    "Others might tell you something different.",
    "After the monsoon the dengue cases start and everything else takes second place.",
    "We rotate through the wards every few months, so I've seen most departments.",
    "Before this post I worked somewhere smaller for a few years.",
    "The morning round can take two hours if there are new admissions.",
    "I enjoy the work, I really do, even when it's hard.",
    "There are always students around, which keeps us on our toes.",
    "You know how it is in big hospitals.",
    "Where was I? Yes, the clinic.",
    "I think I've partly answered that already.",
    "That's more or less how things work here.",
    "Some days are calm and some days are complete madness.",
    "Usually {colleague} and I share the evening duties.",
    "My family is used to my hours by now.",
    "We get a lot of referrals from {place} and the surrounding districts.",
    "I like the people I work with, and that makes a big difference.",
    "Honestly, I hadn't thought about it in those terms before.",
    "Patients usually come with a relative, sometimes three or four.",
    "It's hard to explain to someone outside the hospital what a normal day is.",
    "I'll be honest with you, since this is anonymous.",
    "We have a case meeting on {weekday}s where the difficult patients are discussed.",
    "I started here as a trainee and stayed on.",
    "In {department} the patient load is very heavy compared with other units.",
    "There's a canteen downstairs, but nobody has time to go there.",
    "I was on night duty yesterday, so forgive me if I'm a bit slow.",
    "That's exactly it, yes.",
    "I see what you mean, and I'd say yes, partly.",
    "It's complicated; there's no simple answer to that.",
    "Most of my patients have long-term conditions like {condition}.",
    "In winter chest infections fill the wards; in summer it's diarrhoea and heatstroke.",
    "I grew up not far from here, actually, so I know the area well.",
    "The main building is very old, and some parts of it look their age.",
    "It's a big place, but somehow there's never enough space.",
    "Hmm, let me remember how it was at the start.",
    "I think that's a fair summary of my week.",
    "You'll hear this from others too, I'm sure.",
    "Our unit works in two shifts, morning and evening.",
    "Sometimes we laugh, you know, just to get through the day.",
    "We had a very difficult case last week, a young patient, but that's another story.",
    "Yes, I remember that period well.",
    "I can't speak for the whole hospital, only for my own unit.",
    "As I said, it varies a lot from week to week.",
    "Many of our patients travel by bus from {place}, which takes most of the day.",
    "I like to start the day early, before the crowd arrives.",
    "Then after the OPD I go up to the ward to see the admitted patients.",
    "There are days when I don't sit down until three in the afternoon.",
    "The relatives bring food from home, so by one o'clock the whole ward smells of lunch.",
    "I don't want to exaggerate, though.",
    "Let me put it this way.",
    "Okay, so that's the background.",
    "I've been in this profession long enough to see a few changes.",
    "I came to this city for my training and never left.",
    "There's a lot of respect for senior people here, which has good and bad sides.",
    "Our team is mostly young, with a few very experienced people.",
    "Let me answer the first part first.",
    "Please stop me if I'm going off topic.",
    "Sorry, that was the ward; they can wait. Please go on.",
    "In Ramzan the timings change and everyone is a bit tired by the afternoon.",
    "We also do health camps sometimes, in schools or in villages.",
    "I attended a conference last year, but it was about something else entirely.",
    "I think it was around {month}, but don't hold me to the exact month.",
    "Mostly it's routine work: follow-ups, refills, checking reports.",
    "In the emergency department it's a different world; everything is fast.",
    "The nursing staff are the backbone of this hospital, honestly.",
    "I've seen a lot of changes in how things are done, some good, some not.",
    "That's a difficult one; give me a moment.",
    "I'm not complaining, just describing what it's like.",
    "Actually, can I go back to your previous question for a second?",
    "So that's a typical morning.",
    "Evenings are quieter, unless there's an emergency.",
    "I spend a fair amount of time explaining things to relatives.",
    "I often discuss difficult cases with {colleague} over tea.",
    "After a few visits, patients here start to see us as part of the family.",
    "I'd say that's true for most people in my position.",
    "We follow up most patients every month or two.",
    "There was a lot of pressure during the COVID years, and people still talk about it.",
    "During COVID we all learned to do things we never expected to do.",
    "The management changed last year, and some things changed with it.",
    "I wouldn't say I'm an expert in any of this.",
    "Yes, I think I've said what I wanted to say on that.",
    "Students rotate through our unit, and teaching them takes time too.",
    "We have a good pharmacy team; they catch a lot of errors.",
    "My working hours on paper are eight to two, but in practice, well.",
    "A typical patient for me would be someone like {patient}.",
    "The waiting area is always full, and people sit on the floor when the benches run out.",
    "People here are very resilient; you see it every day.",
    "I think I answered that already, but I'll add one thing.",
    "No, no, it's fine, I have time.",
    "To be fair, I'm describing the worst days.",
    "If you came here on a busy {weekday} you would see what I mean.",
    "Our head of department is a decent person, very busy though.",
    "We have a lot of patients with {condition} who come back every month.",
    "The guard at the gate knows half the patients by name.",
    "It was a long time ago, so I might be mixing things up.",
    "I suppose every place has its problems.",
    "It's just the reality here, and we manage.",
    "Look, I'll tell you what happened.",
    "Anyway, that's a side point.",
    "At the end of the day you go home tired but usually satisfied.",
    "I was never the type to complain much.",
    "I think most people would say the same thing, if they were honest.",
    "Mornings are for the OPD, afternoons are for everything else.",
    "There's always a queue at the registration counter from seven in the morning.",
    "I remember my first day here very clearly.",
    "We do a lot of counselling as well, not only treatment.",
    "Some patients have been coming to us for ten or fifteen years.",
    "Okay, I think I understand the question now.",
    "Let me be careful how I say this.",
    "I'd rather give you a real example than talk in general.",
    "It's not black and white, you know.",
    "In the evening I try to read a little, if I'm not too tired.",
    "We have colleagues from all over the country, which makes the staff room interesting.",
    "This place runs on tea and patience.",
    "During the polio campaigns everybody gets pulled into extra work.",
    "I can give you more detail if it's useful.",
    "There's a lot of paperwork in this job that nobody sees.",
    "On Sundays I try not to check my phone, but I usually do.",
    "We had an audit last {month}, so everyone was on their best behaviour.",
    "The best part of the job is when a patient comes back and says they're better.",
    "I'm answering from the ward's point of view; the OPD people might say something else.",
    "Honestly, I think I'm a bit of a mixed case.",
    "It's a long story, but I'll keep it short.",
    "When I first came here, {colleague} showed me around and introduced me to everyone.",
    "A lot of our work is simply reassuring people.",
    "Mm, yes, that's a fair way of putting it.",
    "In {month} we had a visit from an inspection team, and the whole week was about files.",
    "The hospital canteen does a good daal, I'll give them that.",
    "Most of the time the work is repetitive, and that's fine; repetition is safe.",
    "On a normal day I reach the hospital before eight, because parking after that is impossible.",
    "The first hour goes on checking what happened overnight.",
    "We have a tea kitty in our room, and whoever forgets to pay hears about it for a week.",
    "A lot of the job is simply making sure the right paper reaches the right person.",
    "In the afternoon it gets quieter, but that is when the paperwork catches up with you.",
    "There is a small prayer room on our floor, and it's full at Zuhr time.",
    "Honestly, the staff room is where most of the real decisions get discussed.",
    "My commute is by bus, so I read on the way, or sleep, depending on the day.",
    "We have a mix of people in the team, some very senior and some just out of training.",
    "I would describe our unit as busy but friendly.",
    "Let me explain how our team is organised, so the rest makes sense.",
    "You have to understand, our patients often come after trying three other places.",
    "Most of them are very respectful, even when they've waited for hours.",
    "I think the biggest change in the last few years is the number of patients.",
    "It's a bit like a small town inside the hospital; everybody knows everybody.",
    "Yes, that's right, that's how it usually goes.",
    "Hmm, I'd say it's somewhere in the middle.",
    "I'm trying to remember the exact sequence of events.",
    "Let me think about how to describe it properly.",
    "I'll come to that, but first let me tell you about the set-up.",
    "There's a whiteboard in our room with the duty roster, and it changes every week.",
    "The lifts are usually out of order, so we take the stairs five or six times a day.",
    "In summer the corridors are like an oven, and in winter they are like a fridge.",
    "Our unit got a new coat of paint last year, which everyone was very excited about.",
    "Sometimes a patient brings sweets when they're discharged, which is always nice.",
    "There are days when everything goes smoothly, and you wonder why the other days are so hard.",
    "I don't want to give the impression that it's all bad; it isn't.",
    "There's a lot of teamwork, especially in a crisis.",
    "The security staff try their best, but the crowds are sometimes too much.",
    (
        "Patients often ask me about things that have nothing to do with their illness: jobs, "
        "marriages, school fees."
    ),
    "Some relatives stay with the patient day and night, sleeping on the floor beside the bed.",
    "The waiting area has a television that nobody watches but everybody complains about.",
    "My colleagues would probably say I talk too much, so stop me if I do.",
    "I can tell you more about that later, if there's time.",
    "Mostly I stay on my floor; I rarely go to the other blocks.",
    "I took this post because it was closer to home, to be honest.",
    "After work I usually have family things to attend to, so I leave as soon as I can.",
    "Weekends are supposed to be off, but in practice it's one in two.",
    "I enjoy teaching the students who rotate through; they ask good questions.",
    "There's a monthly meeting where we discuss difficult cases, and it's usually useful.",
    "I would say the culture here is quite hierarchical, but people are kind.",
    (
        "The older staff have stories about how things were twenty years ago, and they love "
        "telling them."
    ),
    "We're always short of something: gloves one month, forms the next.",
    "The photocopier on our floor has been broken for as long as I can remember.",
    "I usually eat lunch at my desk, if I eat at all.",
    (
        "Patients from different provinces bring different languages, so we manage with Urdu and a "
        "bit of everything."
    ),
    "Sometimes you need a relative to translate from Punjabi, Sindhi or Pashto.",
    "Every Eid the hospital empties out for a few days, and then it's twice as busy afterwards.",
    "The first week of the month is always the busiest, I'm not sure why.",
    "Right, so where should I start?",
    "That's a big question; let me break it into parts.",
    "To be honest, I hadn't planned to stay this long.",
    "I've had offers to move abroad, like many people, but for now I'm here.",
    "Many of my batchmates have gone abroad, and we keep in touch on the phone.",
    "The canteen tea is terrible, but we drink it anyway.",
    "I think you'll find that most people here are very committed to their patients.",
    "The admin block is on the other side of the campus, so we rarely see the senior management.",
    "A lot of patients have been to a pharmacy or a local practitioner before coming to us.",
    "Counselling takes time, and time is the one thing we don't have.",
    "I've learned a lot from the patients themselves, honestly.",
    "Some cases stay with you for years.",
    "There is a patient I still think about, from my first year here.",
    "We try to keep the ward clean, but with so many visitors it's a constant battle.",
    "Mornings are chaos and evenings are tiredness; that's the rhythm.",
    "I won't pretend it's easy, but I like the work.",
    "The hospital has grown over the years, building by building, without much of a plan.",
    "We share a lot of equipment with the neighbouring unit, which needs good relations.",
    "There is a senior nurse here who has been here longer than the building, people joke.",
    "When there's a VIP visit everything suddenly becomes very organised for a day.",
    "In the monsoon the basement floods and the whole store has to be moved upstairs.",
    "I'm quite a practical person, so I'll tell you what actually happens, not what should happen.",
    "I don't have strong opinions about most things, but I do about patient care.",
    "Anyway, you asked about my day: that's roughly it.",
    "If I had to sum up my job in one word, it would be juggling.",
    "Sometimes the simplest thing, like finding a free chair, takes ten minutes.",
    "We are a small unit, so everyone does a bit of everything.",
    "It's a different world from where I trained.",
    "I grew up in a family of teachers, so I'm the odd one out.",
    "My parents wanted me in this profession, and now I'm glad they pushed me.",
    "People assume we earn a lot, but that's not the reality for most of us.",
    "There are good days and bad days, like any job.",
    "I think our patients deserve much more than we can give them, with what we have.",
    "We get very few complaints, considering the conditions.",
    "On busy days I don't look at my phone until the evening.",
    "I can show you the unit after the interview if you like.",
    "Yes, I think that covers it, more or less.",
    "I'm happy to talk about this; nobody usually asks.",
    "You know, I've never really put this into words before.",
    "It's good that someone is studying this, honestly.",
    "The students call the corridor outside our unit the highway, because of the traffic.",
    "We see everything from minor complaints to very serious cases, all in the same morning.",
    "Let me tell you about last Tuesday, because it was a typical day.",
    "I'd like to think I'm patient, but by the end of the OPD even I lose it sometimes.",
    "Most of our conversations with patients happen standing up, in a crowd.",
    "A good team makes up for a lot of missing things.",
    "You learn to prioritise very quickly here; there isn't another way.",
]
"""Uncoded participant talk: background, routine, hedges, asides."""

TURN_OPENERS: list[str] = [
    "Yes, yes, I understand what you're asking.",
    "Let me think about that for a second.",
    "It depends on the day, honestly.",
    "That's a good question, actually.",
    "I'm not sure I'm the right person to answer that, but I'll try.",
    "So, as I was saying, the morning is the busiest part.",
    "Right, that's true, I agree with that.",
    "Let me give you an example, so it's clearer.",
    "Where was I? Yes, the clinic.",
    "I think I've partly answered that already.",
    "Honestly, I hadn't thought about it in those terms before.",
    "I'll be honest with you, since this is anonymous.",
    "That's exactly it, yes.",
    "I see what you mean, and I'd say yes, partly.",
    "It's complicated; there's no simple answer to that.",
    "Hmm, let me remember how it was at the start.",
    "Yes, I remember that period well.",
    "Let me put it this way.",
    "Let me answer the first part first.",
    "Please stop me if I'm going off topic.",
    "That's a difficult one; give me a moment.",
    "Actually, can I go back to your previous question for a second?",
    "I wouldn't say I'm an expert in any of this.",
    "I think I answered that already, but I'll add one thing.",
    "No, no, it's fine, I have time.",
    "Look, I'll tell you what happened.",
    "Okay, I think I understand the question now.",
    "Let me be careful how I say this.",
    "I'd rather give you a real example than talk in general.",
    "It's a long story, but I'll keep it short.",
    "Mm, yes, that's a fair way of putting it.",
    "Let me explain how our team is organised, so the rest makes sense.",
    "Yes, that's right, that's how it usually goes.",
    "Hmm, I'd say it's somewhere in the middle.",
    "I'm trying to remember the exact sequence of events.",
    "Let me think about how to describe it properly.",
    "I'll come to that, but first let me tell you about the set-up.",
    "My colleagues would probably say I talk too much, so stop me if I do.",
    "Right, so where should I start?",
    "That's a big question; let me break it into parts.",
    "You know, I've never really put this into words before.",
    "Let me tell you about last Tuesday, because it was a typical day.",
]
"""Subset of NEUTRAL_SENTENCES that only fits at the start of an answer."""

TURN_CLOSERS: list[str] = [
    "I'm speaking only from my own experience, of course.",
    "Others might tell you something different.",
    "That's more or less how things work here.",
    "I think that's a fair summary of my week.",
    "You'll hear this from others too, I'm sure.",
    "I can't speak for the whole hospital, only for my own unit.",
    "As I said, it varies a lot from week to week.",
    "I don't want to exaggerate, though.",
    "Okay, so that's the background.",
    "Sorry, that was the ward; they can wait. Please go on.",
    "I'm not complaining, just describing what it's like.",
    "So that's a typical morning.",
    "I'd say that's true for most people in my position.",
    "Yes, I think I've said what I wanted to say on that.",
    "To be fair, I'm describing the worst days.",
    "It was a long time ago, so I might be mixing things up.",
    "I suppose every place has its problems.",
    "It's just the reality here, and we manage.",
    "Anyway, that's a side point.",
    "I think most people would say the same thing, if they were honest.",
    "I can give you more detail if it's useful.",
    "I'm answering from the ward's point of view; the OPD people might say something else.",
    "Honestly, I think I'm a bit of a mixed case.",
    "I don't want to give the impression that it's all bad; it isn't.",
    "I can tell you more about that later, if there's time.",
    "Anyway, you asked about my day: that's roughly it.",
    "I can show you the unit after the interview if you like.",
    "Yes, I think that covers it, more or less.",
    "I'm happy to talk about this; nobody usually asks.",
    "It's good that someone is studying this, honestly.",
]
"""Subset of NEUTRAL_SENTENCES that only fits at the end of an answer."""

POSITIVE_SENTENCES: list[str] = [
    (
        "To be fair, for simple follow-ups telemedicine is a blessing; the patient doesn't lose a "
        "day's wages."
    ),
    "Elderly patients who can't travel benefit the most, when it works.",
    "During COVID it kept our chronic patients connected to us, which was very important.",
    "I like that I can check on a discharged patient two days later without them travelling.",
    "For medication refills it saves everyone time.",
    "Some of my patients from {place} have told me it saved them the bus fare and a whole day.",
    "When the connection is good, a video consult can be surprisingly satisfying.",
    "It has made the hospital easier to reach for women who can't easily travel alone.",
    "Reviewing reports remotely means I can catch problems earlier.",
    "A district hospital can now get a specialist opinion in an hour instead of a week.",
    "I think the younger patients really like it.",
    "Our diabetic patients who send their sugar readings regularly have done noticeably better.",
    "It's a good tool; the idea is right, it's the execution that needs work.",
    "Once you get used to it, it becomes part of the routine.",
    (
        "Mental health follow-ups can work quite well on video, because some patients feel less "
        "exposed at home."
    ),
    (
        "There was one patient from {place} whom we managed entirely on video through a difficult "
        "period, and the family was so grateful."
    ),
    "The phone follow-ups after discharge have reduced our readmissions, I think.",
    "On good days it does reduce the crowding in the OPD a little.",
    "I've learned new skills through it, which I'm actually quite proud of.",
    "When {colleague} set up a shared calendar for the video slots, things improved quite a lot.",
    "The staff in the telehealth unit are very dedicated, I must say.",
    "For post-operative checks where nothing is wrong, a short video call is perfect.",
    "In the long run I think it will be normal, the way mobile phones became normal.",
    "It helps with continuity; patients can reach the same person who saw them before.",
    "Family members abroad can join the consultation, which patients really appreciate.",
    "Home exercises can be checked on video quite well, actually.",
    "A typed prescription on the screen means patients don't have to decipher our handwriting.",
    "I'd say it's worth continuing, definitely, but with proper support.",
    "After the new router was installed in {month}, the calls became much more stable for a while.",
    "Some of the best consultations I've had were on video, oddly enough.",
    "It gives patients a feeling that the hospital hasn't forgotten them.",
    "The patients who get used to it become its biggest supporters.",
    "For advice about diet and lifestyle, video works almost as well as in person.",
    "It made our team think more carefully about follow-up, which is a good thing in itself.",
    "There's real potential; I just want it done properly.",
    (
        "For {condition} follow-ups, where you mostly talk and adjust medicines, video is really "
        "quite good."
    ),
    (
        "One of my patients told me the video call was the first time the whole family could ask "
        "questions together."
    ),
    "When it works, it honestly feels like the future.",
    "For patients who work as daily wagers, not losing a day's pay is a very big thing.",
    "Follow-up compliance has improved, because it's easier to pick up a phone than to travel.",
    "The telehealth unit's coordinator is excellent; when she's on duty everything runs smoothly.",
    "For simple reassurance, a quick video call can prevent a long, expensive trip.",
    (
        "I have seen it reduce panic among new mothers, who can show us the baby and ask questions "
        "the same day."
    ),
    "It's good for the environment too, fewer journeys, though nobody talks about that here.",
    (
        "Our patients abroad, working in the Gulf, sometimes join for their parents' appointments, "
        "and that helps."
    ),
    "The messaging side works well for sending diet charts and exercise sheets.",
    "I was sceptical at first, but a few good experiences changed my mind a little.",
    "It's useful for catching people who would otherwise drop out of follow-up.",
    "Our referral coordination with district hospitals has become faster, I have to admit.",
    "A short video call before discharge planning has saved us some unnecessary admissions.",
    "The better platforms are honestly quite pleasant to use.",
    (
        "Seeing the patient's home on the camera sometimes tells me things I would never learn in "
        "the clinic."
    ),
]
"""Uncoded participant talk about what works well."""

# --------------------------------------------------------------------- interviewer

INTERVIEWER_PROBES: list[str] = [
    "Can you tell me more about that?",
    "What happened next?",
    "How did that make you feel?",
    "Could you give me an example?",
    "What do you mean by that, exactly?",
    "How often does that happen?",
    "Who else was involved?",
    "Why do you think that is?",
    "How did you deal with it?",
    "What would have helped in that situation?",
    "Is that something others experience too, or mainly you?",
    "You said that was frustrating. Can you say a bit more about that?",
    "How did the patient react?",
    "What did your colleagues say?",
    "Was that a one-off, or does it happen regularly?",
    "How has that changed over time?",
    "What was going through your mind at that moment?",
    "Can you walk me through what you did?",
    "How did it end?",
    "What would you do differently now?",
    "Did you report it to anyone?",
    "How did management respond?",
    "And how did that affect the rest of your day?",
    "What's your sense of why that happens?",
    'When you say "the system", what do you mean?',
    "Could you say a bit more about the patients you're thinking of?",
    "Is there a particular case that comes to mind?",
    "How did you feel about it afterwards?",
    "Mm-hm. Please go on.",
    "Sorry, could you repeat that last part?",
    "What does that look like on a normal day?",
    "How common is that in your unit?",
    "What do you think would fix that?",
    "Has that always been the case?",
    "How do you think the patient experienced that?",
    "What did you learn from that?",
    "You seem to feel strongly about that. Why is that?",
    "How does that compare with seeing patients in person?",
    "Who decides that?",
    "What support, if any, did you get?",
    "That's interesting. Why do you think it worked that time?",
    "Could you describe the setting a bit more?",
    "How long did it take to sort out?",
    "And was the patient all right in the end?",
    "What would you want decision-makers to hear about that?",
    'When you say "they", who do you have in mind?',
]
"""Generic follow-up probes (fit after any participant turn)."""

INTERVIEWER_TRANSITIONS: list[str] = [
    "Thank you, that's very helpful. I'd like to move on to a slightly different area now.",
    "Okay, let's shift gears a little.",
    "If it's all right with you, I'll move to the next set of questions.",
    "We have a bit of time left, so I'd like to cover a few more areas.",
    "Let me go back to something you said earlier.",
    "Thank you for sharing that; I know it isn't always easy to talk about.",
    "That's a good bridge to my next question.",
    "I'd like to pick up on a different part of your work now.",
    "Let's leave that there for now, and I'll come back to it if we have time.",
    "That's really useful. Now, a slightly different question.",
    "I'm conscious of your time, so let me move us along.",
    "Thank you. Building on that, I'd like to ask about something related.",
    "Let's turn to the next part of the interview.",
    "Okay. I'd like to open up a new topic, if that's all right.",
]
"""Topic-neutral transitions between guide sections."""

# --------------------------------------------------------------------- field notes

FIELD_NOTE_SENTENCES: list[str] = [
    "Interview took place in {setting}; it was reasonably quiet apart from occasional footsteps.",
    (
        "We were interrupted by {interruption} about halfway through, and the participant took a "
        "minute to pick up the thread."
    ),
    (
        "Rapport came easily; the participant was relaxed and laughed several times, especially "
        "about the early days of the service."
    ),
    (
        "The participant seemed guarded at first and relaxed noticeably once the recorder was "
        "placed out of direct view."
    ),
    "Long pauses before answering the questions about management; words chosen carefully.",
    (
        "The participant checked that the door was closed before talking about the hospital "
        "administration."
    ),
    "Spoke quickly and with energy about rural patients; clearly a topic of personal importance.",
    (
        "Body language became more closed (arms folded, leaning back) when the conversation turned "
        "to training."
    ),
    "Interview started {duration} late because the participant was called to an emergency.",
    (
        "The room was hot and the fan was off because of load-shedding; we were both visibly tired "
        "by the end."
    ),
    (
        "At the end the participant asked whether the findings would reach the health department, "
        "which suggests a wish to be heard."
    ),
    (
        "Reflection: I may have led slightly on the privacy question; need to phrase it more "
        "openly next time."
    ),
    "Switched between English and Urdu frequently, especially for emotional content.",
    (
        "After the interview the participant showed me the telemedicine set-up: a laptop on a side "
        "table, no headset, no privacy screen."
    ),
    "The participant's phone buzzed constantly with messages during the interview.",
    (
        "Noted a contrast between enthusiasm for the idea of telemedicine and frustration with its "
        "daily reality."
    ),
    (
        "Several statements echoed what other participants at the same site said; possibly a "
        "shared narrative within the department."
    ),
    (
        "Appeared tired, having come straight from a night duty; answers became shorter towards "
        "the end."
    ),
    "Gave permission to be contacted again for clarification.",
    "The interview took place in the afternoon, after the OPD had closed.",
    "Tea was brought in by a ward attendant, which created a friendly, informal atmosphere.",
    (
        "The participant lowered their voice when describing the complaint that followed a remote "
        "consultation."
    ),
    "A colleague came in briefly and the participant paused until they had left.",
    (
        "Memo: the tension between being blamed for failures and not being given the tools appears "
        "again; consider it as a cross-cutting idea."
    ),
    (
        "My position as a university outsider may have made the participant more cautious about "
        "criticising seniors."
    ),
    (
        "Emotional moment when describing a patient who deteriorated; I offered to pause, and the "
        "participant chose to continue."
    ),
    "Recording quality is good except for about two minutes affected by {interruption}.",
    "The participant was articulate and had clearly thought about these issues before.",
    "Answers were brief; needed many probes to get beyond general statements.",
    "Reflexive note: I found myself agreeing too readily and must stay more neutral.",
    "Noise from the corridor was constant but did not seem to bother the participant.",
    "The participant said twice that 'nobody has ever asked us this before'.",
    "Seemed keen to give a balanced picture, returning several times to what works well.",
    (
        "Consent form signed before starting; the participant asked that the name of the hospital "
        "be kept out of any report."
    ),
    (
        "The power went off for {duration}; we continued in the dim light and the recorder kept "
        "running on battery."
    ),
    "Mimed holding a phone up in the air to find a signal, and we both laughed.",
    (
        "Possible saturation: no barriers were raised that had not already appeared in earlier "
        "interviews."
    ),
    (
        "A new idea came up here that had not appeared before; add a probe to the guide for the "
        "remaining interviews."
    ),
    "Met in {setting}; we had to move once because the room was needed for a meeting.",
    "The participant asked for a copy of the transcript to check.",
    "The interview ran over by {duration} at the participant's request, to finish a story.",
    (
        "A strong sense of frustration, but also loyalty to the institution; the participant was "
        "careful to keep the two apart."
    ),
    (
        "Interview held during a week when the hospital was short-staffed because of an outbreak "
        "on another ward."
    ),
]
"""Interviewer's post-interview field notes; refer to 'the participant'."""

# ---------------------------------------------------------------- role and facility

DOMAIN_CONTEXT: dict[str, list[str]] = {
    "Opening": [
        "Telemedicine came to us during COVID, when the OPD was closed for some months.",
        "We started with ordinary phone calls and moved to {platform} later.",
        "Now I do remote follow-ups on most days, some by video and some by phone.",
        "Most of my remote work is follow-ups, not new patients.",
        "The first video consult I did was with {patient}, and I remember it quite clearly.",
        "In a typical week I might do ten or fifteen remote consultations.",
        "It was introduced as a hospital initiative, and our unit was one of the first to try it.",
        (
            "Before telemedicine, we used to ask patients to come back in person for every little "
            "thing."
        ),
        "I had heard about telemedicine at conferences, but I had never actually done it before.",
        "These days the remote consults are mostly for {condition} and medication reviews.",
        "My expectation was that it would be like a normal consultation, just on a screen.",
        "We also get messages from patients between appointments, with questions or pictures.",
        "The patients are usually at home, and I am at my desk in the unit.",
        "Sometimes a relative calls on behalf of the patient to ask a question.",
        "Remote monitoring is newer for us; a few patients send their readings from home.",
        "The last remote consult I did was yesterday, a routine {consult_kind}.",
    ],
    "Systemic": [
        "There's a committee at the hospital level that looks after the telemedicine service.",
        "I know the provincial government has talked about digital health in its plans.",
        "The service is free for patients at the moment.",
        "We note every remote consult in the patient's file.",
        "Patients give their phone numbers at registration, and that's how we contact them.",
        "The money for the service comes through the hospital budget, as far as I know.",
        "I've read a little about how other countries regulate telemedicine, out of interest.",
        "Patients generally don't ask where their information goes; they just want advice.",
        "Consent for the main treatment is taken in the hospital in the usual way.",
        "I'm not an expert on the legal side, so I can only tell you what I see.",
        "The rules we follow are mostly the same as the rules for the OPD.",
        "Our department head signs off on who is on the telemedicine roster each month.",
        "There was a meeting about policy last year, and some of us attended.",
        "I think policy takes time everywhere, not only here.",
        "Some donors have shown interest in digital health in our province.",
        (
            "The professional councils have rules on confidentiality in general, which we all "
            "learned in training."
        ),
    ],
    "Technological": [
        "We mostly use {platform} for video and the ordinary phone for everything else.",
        "The calls are usually ten to fifteen minutes long.",
        "Patients join from their own phones, mostly cheaper Android models.",
        "The platform has a waiting room, a video screen and a section for notes.",
        "We use {device} for the video clinic.",
        "The hospital installed new Wi-Fi in some blocks last year.",
        "Most patients prefer a video call, but some are happier with voice only.",
        "Prescriptions are typed and then sent to the patient as a picture or a text message.",
        "The software was chosen by the hospital; I don't know much about how.",
        "Some patients send photos of wounds or rashes before the call, which helps me prepare.",
        "There's a help number printed on a sheet next to the computer.",
        "When I started, the platform looked different; it has had a couple of updates since.",
        (
            "A few of our patients use glucometers or blood pressure machines that show readings "
            "on their phones."
        ),
        "I usually check the camera and sound before the first call of the day.",
        "The video window can be made full screen, which I prefer.",
        "We also have a landline in the unit for patients who can't do video.",
    ],
    "Organizational": [
        "The video clinic runs on two afternoons a week in our unit.",
        "There's a coordinator who sends the list of remote patients in the morning.",
        "Each of us takes a turn on the telemedicine roster.",
        "We discuss remote cases in the same morning meeting as the ward cases.",
        "Reception gives the patient a slip with the date of the remote follow-up.",
        "New staff usually shadow someone for a few sessions before doing it alone.",
        "Our unit head was the one who first proposed the remote follow-ups.",
        "The IT department is in the basement of the admin block.",
        "We keep a separate list of the remote patients for the month.",
        "There's a small room next to the OPD that was set aside for video calls.",
        "Usually there's a nurse or an assistant who helps set up the call.",
        "We had an introductory session when the service started.",
        "The schedule is made a month in advance, like our other duties.",
        "Remote consults are usually scheduled in the afternoon.",
        "The hospital newsletter ran a small story on the telemedicine service.",
        "Our department has a group chat where the roster and updates are shared.",
    ],
    "Personal": [
        "I use a smartphone like everyone else, for messages and the news.",
        "At home the younger ones in the family are the technology experts.",
        "I like meeting people face to face, but I'm open to new ways of working.",
        "Some patients are very comfortable on video, especially the younger ones.",
        "I think of myself as someone who adapts, eventually.",
        "Patients have all sorts of reactions; some are shy on camera and some talk more.",
        "I try to start every call by greeting the family, the same as in the clinic.",
        "I sometimes wonder how my own parents would manage a video consultation.",
        "My approach is the same whether the patient is in front of me or on the screen.",
        "A lot depends on the patient's personality, honestly.",
        "I think trust is built slowly, in any kind of care.",
        "Patients often tell me more about their home life on video, because they are at home.",
        "Personally, I'm curious about technology, even if I'm not an expert.",
        "Some of my colleagues love it and some avoid it; it's a mix.",
        "For me, the most important thing is that the patient feels heard.",
        "I use the computer mostly for results and discharge summaries.",
    ],
    "Closing": [
        "I hope something practical comes out of this research.",
        "Thank you for asking about this; it's not often that anyone does.",
        "I think I've said most of what I wanted to say.",
        "Overall, I'd say telemedicine is here to stay, one way or another.",
        "If it's useful, you can contact me again later.",
        "I'd be interested to read the results when they're ready.",
        "No, I think we've covered it. Thank you.",
        "It has been good to think about all of this in one go.",
        "I'm glad this is anonymous, because I've been quite honest.",
        "Maybe you should also talk to the patients; they would have a lot to say.",
        "I hope the people who make decisions read your report.",
        "That's all from my side, really.",
        "If I think of anything else, I'll message you.",
        "Can I ask how many people you are interviewing?",
        "It's a good topic; many people have opinions about it.",
        "I wish you luck with the study.",
    ],
}
"""Guide domain -> uncoded, on-topic descriptive talk for that part of the interview."""

ROLE_INTRODUCTIONS: dict[str, list[str]] = {
    "physician": [
        "I'm a medical officer, so most of my day is split between the OPD and the ward.",
        "I'm a doctor in {department}; I run clinics and look after the admitted patients.",
        "I work as a general practitioner in the clinic, seeing a bit of everything.",
        "I'm one of the doctors on the {department} team, and I also cover the remote follow-ups.",
        (
            "As a doctor here, I see anywhere from forty to eighty patients a day, depending on "
            "the day."
        ),
        "I handle the video follow-ups for {department} on two afternoons a week.",
        "I'm a physician; most of my patients are people with {condition} who need regular review.",
        "I'm a doctor, and my time is divided between the clinic, the ward and teaching.",
    ],
    "nurse": [
        "I'm a staff nurse on the {department} ward, mostly on the morning shift.",
        "I'm a nurse; I manage patients on the shift and help run the video clinic.",
        "I'm a nurse in the telemedicine follow-up team; we call patients after discharge.",
        "I'm a nurse, and on our floor that means a lot of coordination and a lot of paperwork.",
        (
            "I'm a nurse; my work is mostly medication rounds, observations, and educating "
            "patients and families."
        ),
        (
            "As a nurse, I'm usually the first person the patient talks to and the last person "
            "they see."
        ),
        (
            "I'm a nurse, and I do the pre-consult checks for the video clinic: vitals, history, "
            "making sure the patient is ready."
        ),
        "I'm a nurse in {department}, where I've spent most of my working life so far.",
    ],
    "allied health": [
        "I'm a physiotherapist; most of my patients are post-operative or have chronic pain.",
        (
            "I'm a clinical pharmacist, so I review prescriptions and counsel patients about their "
            "medicines."
        ),
        "I'm a dietitian, and I see a lot of patients with {condition}.",
        "I'm a clinical psychologist, doing assessments and counselling sessions.",
        "I'm a lab technologist, and I also coordinate results for the teleclinic.",
        (
            "I'm a pharmacist; my remote work is mostly medication reviews and answering patients' "
            "questions."
        ),
        "I'm a physiotherapist, and I now do part of my exercise sessions by video.",
        "I'm a speech therapist, working mostly with children and stroke patients.",
    ],
    "administrator": [
        "I manage the administrative side of the telehealth unit: rosters, bookings and reports.",
        "My role is mainly coordination; I don't see patients myself.",
        "I handle the scheduling and the monthly statistics for the remote clinics.",
        (
            "I'm the unit's administrator, so I deal with the vendors, the IT department and the "
            "complaints."
        ),
        "I work in the hospital's quality office, and telemedicine is one of my files.",
        "I don't have a clinical role; I manage the front desk and the booking system.",
    ],
}
"""Role value -> self-introductions; each names a position, so use ONE per participant."""

FACILITY_CONTEXT: dict[str, list[str]] = {
    "tertiary hospital": [
        "It's a large tertiary hospital, so we get referrals from all over the province.",
        "The hospital has more than a thousand beds, and on most days every one of them is taken.",
        (
            "Being a tertiary centre, we see the complicated cases that smaller hospitals can't "
            "manage."
        ),
        "There are so many departments here that I still get lost in some of the blocks.",
        "Our telemedicine service is run from a small office inside the main OPD building.",
        (
            "Because we're a referral centre, a lot of our remote work is follow-up for patients "
            "who live far away."
        ),
    ],
    "outpatient clinic": [
        "Ours is an outpatient clinic, so we don't admit anyone; it's all day patients.",
        "The clinic is small, three consulting rooms, a pharmacy counter and a waiting area.",
        "Most of our patients are regulars who come every month for their medicines.",
        "We open at eight and the last patient is usually seen around four.",
        (
            "Because it's a clinic, the telemedicine calls happen in the same rooms as the "
            "physical consultations."
        ),
        "We refer anything serious to the big hospital, so continuity is always an issue.",
    ],
    "telehealth unit": [
        "I work in the telehealth unit, which does only remote consultations and follow-ups.",
        (
            "The unit has a few workstations, a coordinator and a rota of clinicians from "
            "different departments."
        ),
        "Our patients are spread across the province; most of them we never meet in person.",
        "A typical shift in the unit is back-to-back calls with short gaps for notes.",
        "The unit started as a project and has slowly become part of the hospital.",
        (
            "We take referrals from district hospitals and basic health units as well as direct "
            "bookings."
        ),
    ],
}
"""Facility value -> mutually compatible sentences describing that kind of setting."""

# --------------------------------------------------------------------------- Urdu

_URDU_TREE: dict[str, dict[str, dict[str, list[tuple[str, str]]]]] = {
    "Systemic": {
        "Policy ambiguity": {
            "No national telemedicine guidelines": [
                (
                    (
                        "There is no national guideline for telemedicine; at least none has ever "
                        "reached us."
                    ),
                    (
                        "ٹیلی میڈیسن کے لیے کوئی قومی گائیڈ لائن موجود نہیں ہے، کم از کم ہم تک تو "
                        "کبھی نہیں پہنچی۔"
                    ),
                ),
                (
                    "We are working in the dark; nobody from above has told us what the rules are.",
                    (
                        "ہم اندھیرے میں کام کر رہے ہیں، اوپر سے کسی نے ہمیں نہیں بتایا کہ قواعد "
                        "کیا ہیں۔"
                    ),
                ),
            ],
            "Fragmented hospital-level decisions": [
                (
                    (
                        "Every hospital has its own rules, and they change whenever the "
                        "administration changes."
                    ),
                    (
                        "ہر ہسپتال کے اپنے اصول ہیں، اور جب بھی انتظامیہ بدلتی ہے تو اصول بھی بدل "
                        "جاتے ہیں۔"
                    ),
                ),
            ],
            "Uncertain scope of remote practice": [
                (
                    (
                        "I don't know whether a prescription given on a video call is even "
                        "considered valid."
                    ),
                    "مجھے نہیں معلوم کہ ویڈیو کال پر دیا گیا نسخہ درست بھی مانا جاتا ہے یا نہیں۔",
                ),
            ],
        },
        "Inconsistent funding": {
            "Pilot funding that ends": [
                (
                    (
                        "The project ran on donor money, and when the money finished, the service "
                        "finished too."
                    ),
                    (
                        "یہ منصوبہ عطیہ دہندگان کے پیسوں سے چل رہا تھا، اور جب پیسے ختم ہوئے تو "
                        "سروس بھی ختم ہو گئی۔"
                    ),
                ),
                (
                    (
                        "The tablets bought during COVID are lying in a cupboard because nobody "
                        "pays for the data."
                    ),
                    (
                        "کورونا کے دنوں میں خریدے گئے ٹیبلٹ الماری میں پڑے ہیں کیونکہ ڈیٹا کے پیسے "
                        "کوئی نہیں دیتا۔"
                    ),
                ),
            ],
            "Staff paying out of pocket": [
                (
                    (
                        "The cost of the internet package comes out of my own pocket, and nobody "
                        "pays it back."
                    ),
                    "انٹرنیٹ پیکج کا خرچ میری اپنی جیب سے جاتا ہے، اور کوئی واپس نہیں کرتا۔",
                ),
            ],
            "No payment model for remote consults": [
                (
                    (
                        "Video consultations aren't counted anywhere, so it looks as if we did no "
                        "work at all."
                    ),
                    (
                        "ویڈیو مشاورت کہیں شمار ہی نہیں ہوتی، اس لیے ایسا لگتا ہے جیسے ہم نے کوئی "
                        "کام ہی نہیں کیا۔"
                    ),
                ),
            ],
        },
        "Regulatory ambiguity and data privacy": {
            "Unclear professional liability": [
                (
                    (
                        "If something goes wrong on a video call, who will be responsible? Nobody "
                        "has an answer to that."
                    ),
                    (
                        "اگر ویڈیو کال پر کچھ غلط ہو جائے تو ذمہ دار کون ہوگا؟ اس کا جواب کسی کے "
                        "پاس نہیں۔"
                    ),
                ),
            ],
            "Patient data on personal devices": [
                (
                    "All the patients' reports are in my personal phone, and that worries me.",
                    "مریضوں کی ساری رپورٹیں میرے ذاتی فون میں ہیں، اور یہ بات مجھے پریشان کرتی ہے۔",
                ),
            ],
            "Consent and confidentiality in remote consults": [
                (
                    "She couldn't speak openly because the phone was in her mother-in-law's hands.",
                    "وہ کھل کر بات نہیں کر سکی کیونکہ فون اس کی ساس کے ہاتھ میں تھا۔",
                ),
                (
                    (
                        "We never take proper consent for video calls; we just assume the patient "
                        "agrees."
                    ),
                    (
                        "ہم ویڈیو کال کے لیے کبھی باقاعدہ رضامندی نہیں لیتے، بس فرض کر لیتے ہیں کہ "
                        "مریض راضی ہے۔"
                    ),
                ),
            ],
        },
    },
    "Technological": {
        "Usability and glitches": {
            "Platform crashes and freezes": [
                (
                    (
                        "The system froze in the middle of the consultation and all my notes were "
                        "lost."
                    ),
                    "مشاورت کے بیچ میں سسٹم رک گیا اور میرے سارے نوٹس ضائع ہو گئے۔",
                ),
                (
                    'It says "error, try again later", and the patient thinks I\'m the problem.',
                    (
                        'اس پر لکھا آتا ہے "ایرر، بعد میں کوشش کریں"، اور مریض سمجھتا ہے کہ مسئلہ '
                        "مجھ میں ہے۔"
                    ),
                ),
            ],
            "Unintuitive interface": [
                (
                    "To write one prescription you have to go through five screens.",
                    "ایک نسخہ لکھنے کے لیے پانچ اسکرینوں سے گزرنا پڑتا ہے۔",
                ),
            ],
            "Audio and video quality": [
                (
                    "On the screen every rash looks the same colour.",
                    "اسکرین پر جلد کا ہر دانہ ایک ہی رنگ کا نظر آتا ہے۔",
                ),
            ],
        },
        "Internet reliability": {
            "Dropped connections during consults": [
                (
                    (
                        "The call dropped three times, and every time the patient had to start "
                        "again from the beginning."
                    ),
                    "کال تین بار کٹ گئی، اور ہر بار مریض کو شروع سے بات کرنی پڑی۔",
                ),
            ],
            "Rural patients' poor connectivity": [
                (
                    "Patients in the villages have to climb onto the roof to get a signal.",
                    "گاؤں کے مریضوں کو سگنل کے لیے چھت پر چڑھنا پڑتا ہے۔",
                ),
            ],
            "Power outages and load-shedding": [
                (
                    "When the electricity goes, the router switches off and we lose the patient.",
                    "جب بجلی جاتی ہے تو راؤٹر بند ہو جاتا ہے اور مریض سے رابطہ ٹوٹ جاتا ہے۔",
                ),
                (
                    "We plan the clinic around load-shedding, but the schedule keeps changing.",
                    "ہم کلینک لوڈشیڈنگ کے حساب سے رکھتے ہیں، مگر شیڈول بدلتا رہتا ہے۔",
                ),
            ],
        },
        "Interoperability": {
            "No link to hospital records": [
                (
                    "On video I can't see the patient's previous history at all.",
                    "ویڈیو پر مجھے مریض کی پچھلی ہسٹری بالکل نظر نہیں آتی۔",
                ),
            ],
            "Duplicate data entry": [
                (
                    (
                        "The same note has to be written three times: in the portal, in the "
                        "register and in the hospital system."
                    ),
                    (
                        "ایک ہی نوٹ تین بار لکھنا پڑتا ہے: پورٹل میں، رجسٹر میں اور ہسپتال کے سسٹم "
                        "میں۔"
                    ),
                ),
                (
                    (
                        "None of these systems is connected to the others, so everything has to be "
                        "entered again and again."
                    ),
                    (
                        "ان میں سے کوئی سسٹم دوسرے سے جڑا ہوا نہیں، اس لیے ہر چیز بار بار درج کرنی "
                        "پڑتی ہے۔"
                    ),
                ),
            ],
            "Lab and imaging results not accessible": [
                (
                    (
                        "The patient holds the X-ray up to the camera because we can't open it in "
                        "the system."
                    ),
                    (
                        "مریض ایکسرے کیمرے کے سامنے پکڑ کر دکھاتا ہے کیونکہ ہم اسے سسٹم میں نہیں "
                        "کھول سکتے۔"
                    ),
                ),
            ],
        },
    },
    "Organizational": {
        "Lack of training": {
            "No formal orientation": [
                (
                    'They gave us the log-in and said, "Start." That was the whole training.',
                    'انہوں نے ہمیں لاگ اِن دیا اور کہا، "شروع کریں۔" بس یہی ساری تربیت تھی۔',
                ),
                (
                    "Starting the work without any orientation was very stressful.",
                    "بغیر کسی تعارفی تربیت کے کام شروع کرنا بہت پریشان کن تھا۔",
                ),
            ],
            "Learning from colleagues informally": [
                (
                    "Whatever I know about the system, a junior colleague taught me.",
                    "مجھے سسٹم کے بارے میں جو کچھ بھی آتا ہے، وہ ایک جونیئر ساتھی نے سکھایا ہے۔",
                ),
            ],
            "Training not matched to clinical practice": [
                (
                    (
                        "The training was one lecture in a hall; nobody showed us how to examine a "
                        "patient on video."
                    ),
                    (
                        "تربیت کے نام پر ہال میں ایک لیکچر ہوا، کسی نے یہ نہیں دکھایا کہ ویڈیو پر "
                        "مریض کا معائنہ کیسے کرنا ہے۔"
                    ),
                ),
            ],
        },
        "Weak administrative and IT support": {
            "IT help unavailable when needed": [
                (
                    "I registered a complaint two weeks ago, and it is still pending.",
                    "میں نے دو ہفتے پہلے شکایت درج کروائی تھی، اور وہ ابھی تک زیر التوا ہے۔",
                ),
                (
                    (
                        "At night there is no IT support at all; if something breaks, it stays "
                        "broken until morning."
                    ),
                    (
                        "رات کو آئی ٹی کی کوئی مدد نہیں ملتی، اگر کچھ خراب ہو جائے تو صبح تک خراب "
                        "ہی رہتا ہے۔"
                    ),
                ),
            ],
            "Management not engaged": [
                (
                    (
                        "They inaugurated it by cutting a ribbon and having photographs taken, and "
                        "then they forgot about it."
                    ),
                    "انہوں نے فیتہ کاٹ کر اور تصویریں کھنچوا کر افتتاح کیا، اور پھر بھول گئے۔",
                ),
            ],
            "Equipment and space shortages": [
                (
                    "There is only one laptop with a camera for the whole department.",
                    "پورے شعبے کے لیے کیمرے والا صرف ایک لیپ ٹاپ ہے۔",
                ),
            ],
        },
        "Workflow disruption and scheduling": {
            "Added on top of clinical workload": [
                (
                    "Nobody reduced my other duties; the video clinic was simply put on top.",
                    "کسی نے میری باقی ذمہ داریاں کم نہیں کیں، ویڈیو کلینک بس اوپر سے ڈال دیا گیا۔",
                ),
                (
                    (
                        "The follow-up calls have to be made in the lunch break because there is "
                        "no other time."
                    ),
                    (
                        "فالو اپ کالیں کھانے کے وقفے میں کرنی پڑتی ہیں کیونکہ اور کوئی وقت ہی نہیں "
                        "ہوتا۔"
                    ),
                ),
            ],
            "Unclear appointment protocols": [
                (
                    (
                        "Nobody tells the patients the time, so half of them don't even pick up "
                        "the phone."
                    ),
                    "مریضوں کو کوئی وقت ہی نہیں بتاتا، اس لیے آدھے تو فون ہی نہیں اٹھاتے۔",
                ),
            ],
            "Clashes with in-person clinics": [
                (
                    (
                        "Forty patients are waiting outside and the screen is ringing; whom should "
                        "I see first?"
                    ),
                    (
                        "باہر چالیس مریض انتظار کر رہے ہیں اور اسکرین پر گھنٹی بج رہی ہے، پہلے کسے "
                        "دیکھوں؟"
                    ),
                ),
            ],
        },
    },
    "Personal": {
        "Digital illiteracy": {
            "Low confidence with technology": [
                (
                    "Whenever I have to open the system, I'm afraid I might delete something.",
                    "جب بھی سسٹم کھولنا ہو، ڈر لگتا ہے کہ کہیں کچھ ڈیلیٹ نہ ہو جائے۔",
                ),
            ],
            "Generational divide": [
                (
                    (
                        "The young ones grew up with mobile phones; for the older staff it's like "
                        "a second language."
                    ),
                    (
                        "نوجوان تو موبائل فون کے ساتھ بڑے ہوئے ہیں، بڑی عمر کے عملے کے لیے یہ ایک "
                        "دوسری زبان کی طرح ہے۔"
                    ),
                ),
            ],
            "Patients' limited digital skills": [
                (
                    (
                        "The patient couldn't find the camera button, so all I could see was the "
                        "ceiling fan."
                    ),
                    (
                        "مریض کو کیمرے کا بٹن نہیں مل رہا تھا، اس لیے مجھے چھت کا پنکھا ہی نظر آ "
                        "رہا تھا۔"
                    ),
                ),
                (
                    (
                        "Most elderly patients can't open a link; their children do everything for "
                        "them."
                    ),
                    "زیادہ تر بزرگ مریض لنک نہیں کھول سکتے، سارا کام ان کے بچے کرتے ہیں۔",
                ),
            ],
        },
        "Emotional resistance and loss of the human touch": {
            "Missing physical examination": [
                (
                    "Half of my diagnosis comes from my hands; on video they have nothing to do.",
                    (
                        "میری آدھی تشخیص میرے ہاتھوں سے ہوتی ہے، ویڈیو پر ان کے پاس کرنے کو کچھ "
                        "نہیں ہوتا۔"
                    ),
                ),
            ],
            "Loss of rapport and empathy": [
                (
                    "When someone cries on a video call, you can only watch.",
                    "جب کوئی ویڈیو کال پر روتا ہے تو آپ بس دیکھ ہی سکتے ہیں۔",
                ),
                (
                    "Treatment is a human thing; a screen can't hold anyone's hand.",
                    "علاج ایک انسانی عمل ہے، اسکرین کسی کا ہاتھ نہیں تھام سکتی۔",
                ),
            ],
            "Doubts that virtual care is real care": [
                (
                    (
                        "Sometimes it feels as if I'm not a health professional at all but a "
                        "call-centre operator."
                    ),
                    "کبھی کبھی لگتا ہے کہ میں طبی عملے کا حصہ نہیں بلکہ کال سینٹر کا آپریٹر ہوں۔",
                ),
            ],
        },
        "Trust": {
            "Doubts about remote diagnostic accuracy": [
                (
                    (
                        "On video it looked like an ordinary rash; when the child came to the "
                        "hospital, it turned out to be measles."
                    ),
                    (
                        "ویڈیو پر یہ عام سے دانے لگ رہے تھے، جب بچہ ہسپتال آیا تو پتا چلا کہ اسے "
                        "خسرہ ہے۔"
                    ),
                ),
                (
                    "If the matter is at all serious, a video consultation can't be relied on.",
                    "اگر معاملہ ذرا بھی سنگین ہو تو ویڈیو مشاورت پر بھروسہ نہیں کیا جا سکتا۔",
                ),
            ],
            "Patients' scepticism of remote care": [
                (
                    (
                        "The patient said, \"You didn't even check my pulse, so how can medicine "
                        'be given?"'
                    ),
                    'مریض نے کہا، "آپ نے میری نبض تک نہیں دیکھی، پھر دوا کیسے دی جا سکتی ہے؟"',
                ),
            ],
            "Suspicion of management motives": [
                (
                    "They say it's for the patients; I think it's for the annual report.",
                    "کہتے ہیں یہ مریضوں کے لیے ہے، میرے خیال میں یہ سالانہ رپورٹ کے لیے ہے۔",
                ),
            ],
        },
    },
}

_URDU_NEUTRAL: list[tuple[str, str]] = [
    (
        "My day starts at eight in the morning with the handover.",
        "میرا دن صبح آٹھ بجے ہینڈ اوور سے شروع ہوتا ہے۔",
    ),
    (
        "By ten o'clock the OPD gets very crowded.",
        "دس بجے تک او پی ڈی میں بہت رش ہو جاتا ہے۔",
    ),
    (
        "Most of our patients come from outside the city.",
        "ہمارے زیادہ تر مریض شہر کے باہر سے آتے ہیں۔",
    ),
    (
        "That's a good question; let me think for a moment.",
        "یہ اچھا سوال ہے، مجھے ایک لمحہ سوچنے دیں۔",
    ),
    (
        "This is only my own experience, of course.",
        "ظاہر ہے، یہ صرف میرا اپنا تجربہ ہے۔",
    ),
    (
        "Patients usually come with a relative, sometimes three or four people come along.",
        "مریض عموماً کسی رشتہ دار کے ساتھ آتے ہیں، کبھی کبھی تین چار لوگ ساتھ ہوتے ہیں۔",
    ),
    (
        "After lunch it's mostly discharges and paperwork.",
        "دوپہر کے کھانے کے بعد زیادہ تر ڈسچارج اور کاغذی کارروائی ہوتی ہے۔",
    ),
    (
        "Honestly, I had never thought about it that way before.",
        "سچ کہوں تو اس طرح پہلے کبھی سوچا نہیں تھا۔",
    ),
    (
        "To be fair, for ordinary follow-ups it saves patients a whole day.",
        "سچ پوچھیں تو عام فالو اپ کے لیے اس سے مریضوں کا پورا دن بچ جاتا ہے۔",
    ),
    (
        "When it works properly, the elderly patients who can't travel benefit the most.",
        "جب یہ ٹھیک چلے تو سب سے زیادہ فائدہ ان بزرگ مریضوں کو ہوتا ہے جو سفر نہیں کر سکتے۔",
    ),
]

URDU_PARALLEL: dict[str, list[tuple[str, str]]] = {
    f"{theme}/{subtheme}": [pair for pairs in codes.values() for pair in pairs]
    for theme, subthemes in _URDU_TREE.items()
    for subtheme, codes in subthemes.items()
}
"""Subtheme path ("Theme/Subtheme") or "neutral" -> (English, Urdu) sentence pairs."""
URDU_PARALLEL["neutral"] = _URDU_NEUTRAL

URDU_LEAF: dict[str, str] = {
    english: f"{theme}/{subtheme}/{code}"
    for theme, subthemes in _URDU_TREE.items()
    for subtheme, codes in subthemes.items()
    for code, pairs in codes.items()
    for english, _urdu in pairs
}
"""English side of a coded Urdu pair -> the leaf code path it expresses."""

URDU_INTERVIEWER: list[tuple[str, str]] = [
    (
        "Please tell me a little about your work and what a normal day looks like.",
        "ذرا اپنے کام کے بارے میں بتائیے اور یہ کہ آپ کا عام دن کیسا ہوتا ہے۔",
    ),
    (
        "How did telemedicine first become part of your work?",
        "ٹیلی میڈیسن آپ کے کام میں پہلی بار کیسے شامل ہوئی؟",
    ),
    (
        "Please tell me a little more about that.",
        "اس بارے میں ذرا اور تفصیل سے بتائیے۔",
    ),
    (
        "What happened next?",
        "پھر کیا ہوا؟",
    ),
    (
        "How did you feel at that moment?",
        "اس وقت آپ کو کیسا محسوس ہوا؟",
    ),
    (
        "Please explain with an example.",
        "کوئی مثال دے کر سمجھائیے۔",
    ),
    (
        "What training were you given before you started?",
        "کام شروع کرنے سے پہلے آپ کو کیا تربیت دی گئی؟",
    ),
    (
        "When a problem comes up, whom do you have to go to for help?",
        "جب کوئی مسئلہ ہو جائے تو مدد کے لیے کس کے پاس جانا پڑتا ہے؟",
    ),
    (
        "How reliable is the internet, on your side and on the patient's side?",
        "انٹرنیٹ کتنا قابل بھروسہ ہے، آپ کی طرف بھی اور مریض کی طرف بھی؟",
    ),
    (
        (
            "Compared with seeing a patient in front of you, how does a remote consultation feel "
            "to you?"
        ),
        "مریض کو سامنے دیکھنے کے مقابلے میں آپ کو دور سے مشاورت کیسی لگتی ہے؟",
    ),
    (
        "If something goes wrong, whose responsibility would it be?",
        "اگر کچھ غلط ہو جائے تو ذمہ داری کس کی ہوگی؟",
    ),
    (
        "How is patients' information sent and stored?",
        "مریضوں کی معلومات کیسے بھیجی اور محفوظ کی جاتی ہیں؟",
    ),
    (
        "Why do you think that is?",
        "آپ کے خیال میں ایسا کیوں ہے؟",
    ),
    (
        "How do patients react to video consultations?",
        "ویڈیو مشاورت پر مریضوں کا ردعمل کیسا ہوتا ہے؟",
    ),
    (
        "If you could change one thing, what would it be?",
        "اگر آپ ایک چیز بدل سکیں تو وہ کیا ہوگی؟",
    ),
    (
        "Is there anything else you would like to tell me?",
        "کیا کوئی اور بات ہے جو آپ بتانا چاہیں؟",
    ),
    (
        "Thank you, that's very helpful.",
        "شکریہ، یہ بہت مددگار بات ہے۔",
    ),
]
"""(English, Urdu) interviewer questions and probes, phrased without gendered address."""

# --------------------------------------------------------------------------- names

PAKISTANI_GIVEN_NAMES_FEMALE: list[str] = [
    "Ayesha",
    "Fatima",
    "Sana",
    "Hina",
    "Rabia",
    "Saima",
    "Nadia",
    "Amna",
    "Zainab",
    "Farah",
    "Sadia",
    "Iqra",
    "Maryam",
    "Shazia",
    "Uzma",
    "Kiran",
    "Nimra",
    "Sidra",
    "Bushra",
    "Samina",
]

PAKISTANI_GIVEN_NAMES_MALE: list[str] = [
    "Ahmed",
    "Ali",
    "Usman",
    "Bilal",
    "Hamza",
    "Imran",
    "Kamran",
    "Faisal",
    "Tariq",
    "Asad",
    "Zeeshan",
    "Waqas",
    "Adnan",
    "Junaid",
    "Saad",
    "Farhan",
    "Naveed",
    "Shahid",
    "Rizwan",
    "Omer",
]

PAKISTANI_GIVEN_NAMES: list[str] = PAKISTANI_GIVEN_NAMES_FEMALE + PAKISTANI_GIVEN_NAMES_MALE
"""Given names (female first, then male) for synthetic real-name key files only."""

PAKISTANI_FAMILY_NAMES: list[str] = [
    "Qureshi",
    "Siddiqui",
    "Butt",
    "Malik",
    "Chaudhry",
    "Sheikh",
    "Awan",
    "Baloch",
    "Memon",
    "Abbasi",
    "Rana",
    "Shah",
    "Hashmi",
    "Mirza",
    "Bhatti",
    "Raza",
    "Gillani",
    "Soomro",
    "Khattak",
    "Durrani",
    "Naqvi",
    "Rizvi",
    "Jatoi",
    "Khan",
    "Lodhi",
]

# ---------------------------------------------------------------------------- helpers

SLOT_PATTERN = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
"""A ``{slot}`` placeholder; group 1 is the slot name."""


def slot_names(template: str) -> list[str]:
    """Return the slot names used in ``template``, in order of appearance."""
    return SLOT_PATTERN.findall(template)


def fill(
    template: str,
    rng: random.Random,
    *,
    overrides: Mapping[str, str] | None = None,
) -> str:
    """Replace every ``{slot}`` in ``template`` with ``rng.choice(SLOTS[slot])``.

    ``overrides`` optionally pins slots to fixed values (for instance one
    ``department`` for a whole interview); an override may also name a slot
    that ``SLOTS`` does not have.  Raises ``KeyError(slot)`` for a slot that is
    neither overridden nor in ``SLOTS``.
    """
    fixed = overrides or {}

    def _value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in fixed:
            return fixed[name]
        if name not in SLOTS:
            raise KeyError(name)
        return rng.choice(SLOTS[name])

    return SLOT_PATTERN.sub(_value, template)


def leaf_code_paths(template_codebook: list[dict]) -> list[str]:
    """Return the ``"Theme/Subtheme/Code"`` paths of all leaves of a template codebook.

    ``template_codebook`` is the ``codebook`` list of a loaded template: nodes
    with a ``name`` and optional ``children``, nested to any depth.  A node
    without children is a leaf.  Paths are returned in depth-first order.
    """
    paths: list[str] = []

    def _walk(nodes: list[dict], prefix: str) -> None:
        for node in nodes:
            path = f"{prefix}/{node['name']}" if prefix else str(node["name"])
            children = node.get("children") or []
            if children:
                _walk(children, path)
            else:
                paths.append(path)

    _walk(template_codebook, "")
    return paths
