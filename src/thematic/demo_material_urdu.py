"""Parallel English/Urdu material for the Urdu interviews of the telemedicine demo study.

Pure data plus :func:`fill_pair`, standard library only.  Some interviews of the
synthetic study (``templates/telemedicine-barriers.yaml``) are held in Urdu; the demo
stores the Urdu original next to its English translation, so every sentence here is a
``(English, Urdu)`` pair and both sides say the same thing.  All text was written for
this project; people, places and events are fictional.

Conventions a generator can rely on (``tests/test_demo_material_urdu.py`` checks the
mechanical ones):

* ``CODE_PAIRS`` has exactly one key per leaf code path ``"Theme/Subtheme/Code"`` of the
  template's codebook, in codebook order, each with at least four pairs that express
  that code and no other.
* Both sides of a pair use the same ``{slot}`` set; every slot is a key of ``SLOTS_UR``.
  Always pass pairs through :func:`fill_pair`, which puts the same vocabulary entry into
  both sides (pairs without slots come back unchanged).  Pass ``indices`` to keep a slot
  such as ``department`` fixed within one interview.
* No English template starts with a slot (values are lower case), and none puts
  ``a``/``an`` before a slot: values that need an article carry it (``consult_kind``,
  ``patient``, ``place``, ``colleague``).
* Urdu slot values are case-invariant (the same form before ``میں``, ``کا``, ``کو``,
  ``نے`` ...), so templates put the postposition straight after the slot.  Values of
  ``platform``, ``consult_kind`` and ``relative`` are all grammatically feminine and
  ``duration``/``days_waited`` all masculine plural, so Urdu verbs may agree with them;
  ``patient`` and ``colleague`` mix genders and are only used before a postposition.
  ``relative`` values are female relatives of a female patient ("her mother-in-law").
* Urdu sides are in Urdu script with Urdu punctuation (۔ ، ؟), no Latin letters and no
  digits.  First-person Urdu avoids gender-marked verb forms (no ``کرتا ہوں``/``کرتی
  ہوں``), and the interviewer's Urdu avoids gender-marked address, so any pair fits any
  participant and interviewer.  Participant sentences are also neutral about role, city
  and facility as far as possible (a few mention prescribing, which fits doctors best).
* Every string is a complete sentence or sentences with final punctuation, so they can
  be joined with a space into a turn.  ``OPENING_PAIRS`` runs greeting, consent
  reminder, recording notice; ``CLOSING_PAIRS[0]`` ends an interview on its own.
* ``GUIDE_UR``/``PROBES_UR`` translate every guide question and probe of the template,
  keyed by the exact English text; ``DOMAIN_UR`` translates the guide's domain names.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

__all__ = [
    "CLOSING_PAIRS",
    "CODE_PAIRS",
    "DOMAIN_UR",
    "GUIDE_UR",
    "INTERVIEWER_PAIRS",
    "NEUTRAL_PAIRS",
    "OPENING_PAIRS",
    "POSITIVE_PAIRS",
    "PROBES_UR",
    "SLOTS_UR",
    "SLOT_PATTERN",
    "Pair",
    "fill_pair",
    "slot_names",
]

Pair = tuple[str, str]
"""``(English, Urdu)``."""

SLOT_PATTERN = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


SLOTS_UR: dict[str, list[Pair]] = {
    "platform": [
        ("the hospital app", "ہسپتال کی ایپ"),
        ("the telemedicine web app", "ٹیلی میڈیسن کی ویب ایپ"),
        ("the provincial telehealth app", "صوبائی ٹیلی ہیلتھ ایپ"),
        ("the e-clinic app", "ای کلینک ایپ"),
        ("the video consultation app", "ویڈیو مشاورت کی ایپ"),
        ("the department's video app", "ڈیپارٹمنٹ کی ویڈیو ایپ"),
    ],
    "month": [
        ("September", "ستمبر"),
        ("October", "اکتوبر"),
        ("November", "نومبر"),
        ("December", "دسمبر"),
        ("January", "جنوری"),
        ("February", "فروری"),
        ("March", "مارچ"),
        ("April", "اپریل"),
    ],
    "consult_kind": [
        ("a video consultation", "ایک ویڈیو مشاورت"),
        ("a follow-up call", "ایک فالو اپ کال"),
        ("a diabetes check-up call", "شوگر چیک اپ کی ایک کال"),
        ("a post-operative video check", "آپریشن کے بعد کی ایک ویڈیو کال"),
        ("a routine antenatal call", "حمل کے معمول کے معائنے کی ایک کال"),
        ("a mental health video session", "ذہنی صحت کی ایک ویڈیو نشست"),
    ],
    "department": [
        ("the medical OPD", "میڈیکل او پی ڈی"),
        ("the gynae ward", "گائنی وارڈ"),
        ("the children's ward", "چلڈرن وارڈ"),
        ("the diabetes clinic", "ذیابیطس کلینک"),
        ("the physiotherapy department", "فزیوتھراپی ڈیپارٹمنٹ"),
        ("the emergency department", "ایمرجنسی ڈیپارٹمنٹ"),
        ("the surgical unit", "سرجیکل یونٹ"),
    ],
    "colleague": [
        ("a senior consultant", "ایک سینئر کنسلٹنٹ"),
        ("our head nurse", "ہیڈ نرس صاحبہ"),
        ("a young house officer", "ایک نوجوان ہاؤس آفیسر"),
        ("a colleague in the pharmacy", "فارمیسی کی ایک ساتھی"),
        ("the charge nurse on nights", "نائٹ شفٹ کی چارج نرس"),
        ("a junior doctor", "ایک جونیئر ڈاکٹر"),
    ],
    "duration": [
        ("ten minutes", "دس منٹ"),
        ("fifteen minutes", "پندرہ منٹ"),
        ("twenty minutes", "بیس منٹ"),
        ("twenty-five minutes", "پچیس منٹ"),
        ("thirty-five minutes", "پینتیس منٹ"),
        ("forty minutes", "چالیس منٹ"),
    ],
    "days_waited": [
        ("six days", "چھ دن"),
        ("ten days", "دس دن"),
        ("eleven days", "گیارہ دن"),
        ("two weeks", "دو ہفتے"),
        ("three weeks", "تین ہفتے"),
    ],
    "patient": [
        ("an elderly diabetic man", "ذیابیطس میں مبتلا ایک بزرگ"),
        (
            "a young mother recovering from a caesarean",
            "سیزیرین آپریشن کے بعد صحت یاب ہوتی ایک جوان ماں",
        ),
        ("a woman in her eighth month of pregnancy", "آٹھویں مہینے کی ایک حاملہ خاتون"),
        ("a retired schoolteacher", "ایک ریٹائرڈ استاد"),
        ("an asthmatic teenager", "دمے میں مبتلا ایک نوجوان"),
        ("a middle-aged farmer", "ایک ادھیڑ عمر کسان"),
        ("an elderly widow", "ایک بزرگ بیوہ خاتون"),
    ],
    "place": [
        ("a village near Multan", "ملتان کے قریب ایک گاؤں"),
        ("a remote settlement in Tharparkar", "تھرپارکر کی ایک دور دراز بستی"),
        ("a village in the Cholistan desert", "صحرائے چولستان میں ایک گاؤں"),
        ("a mountain village in Swat", "سوات میں ایک پہاڑی گاؤں"),
        ("a katchi abadi on the edge of Karachi", "کراچی کے کنارے ایک کچی آبادی"),
        ("a small village in Dera Ghazi Khan district", "ضلع ڈیرہ غازی خان کی ایک چھوٹی سی بستی"),
        ("a village outside Sukkur", "سکھر سے باہر ایک گاؤں"),
    ],
    "number_of_times": [
        ("twice", "دو بار"),
        ("three times", "تین بار"),
        ("four times", "چار بار"),
        ("five times", "پانچ بار"),
        ("six or seven times", "چھ سات بار"),
    ],
    "time": [
        ("two o'clock", "دو بجے"),
        ("eleven in the morning", "صبح گیارہ بجے"),
        ("four in the afternoon", "سہ پہر چار بجے"),
        ("six in the evening", "شام چھ بجے"),
        ("nine at night", "رات نو بجے"),
    ],
    "patient_count": [
        ("thirty", "تیس"),
        ("forty", "چالیس"),
        ("fifty", "پچاس"),
        ("sixty", "ساٹھ"),
        ("seventy", "ستر"),
    ],
    "relative": [
        ("her mother-in-law", "اس کی ساس"),
        ("her sister-in-law", "اس کی نند"),
        ("her elder sister", "اس کی بڑی بہن"),
        ("her mother", "اس کی والدہ"),
        ("her daughter-in-law", "اس کی بہو"),
        ("a neighbour", "ایک پڑوسن"),
    ],
}


CODE_PAIRS: dict[str, list[Pair]] = {
    # -- Systemic --------------------------------------------------------------------------------
    "Systemic/Policy ambiguity/No national telemedicine guidelines": [
        (
            (
                "I have searched for a national guideline on video consultations more than "
                "once, and there is nothing, not from the ministry, not from anyone."
            ),
            (
                "میں نے ویڈیو مشاورت کے بارے میں قومی گائیڈ لائن ایک سے زیادہ بار ڈھونڈی "
                "ہے، مگر کچھ نہیں ملا، نہ وزارت کی طرف سے، نہ کسی اور کی طرف سے۔"
            ),
        ),
        (
            (
                "Nobody above the hospital has ever written down what telemedicine is "
                "supposed to be, so honestly we are working without a map."
            ),
            (
                "ہسپتال سے اوپر کسی نے آج تک یہ لکھ کر نہیں دیا کہ ٹیلی میڈیسن آخر ہونی "
                "کیسی چاہیے، سچ پوچھیں تو ہم بغیر نقشے کے کام کر رہے ہیں۔"
            ),
        ),
        (
            (
                "Other countries have a proper national framework for remote care. Here I "
                "have never seen a single federal or provincial document on it."
            ),
            (
                "دوسرے ملکوں میں دور سے علاج کے لیے باقاعدہ قومی فریم ورک موجود ہے۔ یہاں "
                "میں نے اس بارے میں آج تک ایک بھی وفاقی یا صوبائی دستاویز نہیں دیکھی۔"
            ),
        ),
        (
            (
                "Since {month} we have been asking the health department for national "
                "standards on telemedicine, and so far not a single page has come."
            ),
            (
                "ہم {month} سے محکمۂ صحت سے ٹیلی میڈیسن کے قومی معیارات مانگ رہے ہیں، اور "
                "اب تک ایک صفحہ بھی نہیں آیا۔"
            ),
        ),
        (
            (
                "If the government would publish just one clear guideline, half of our "
                "confusion about online consultations would disappear overnight."
            ),
            (
                "اگر حکومت صرف ایک واضح گائیڈ لائن جاری کر دے تو آن لائن مشاورت کے بارے میں "
                "ہماری آدھی الجھن راتوں رات ختم ہو جائے۔"
            ),
        ),
    ],
    "Systemic/Policy ambiguity/Fragmented hospital-level decisions": [
        (
            (
                "In my last hospital we were allowed to prescribe on video; here the MS "
                "says no. Same province, same patients, completely different rules."
            ),
            (
                "میرے پچھلے ہسپتال میں ہمیں ویڈیو پر نسخہ لکھنے کی اجازت تھی، یہاں ایم ایس "
                "صاحب منع کرتے ہیں۔ وہی صوبہ، وہی مریض، بالکل الگ اصول۔"
            ),
        ),
        (
            (
                "Every time a new head of department arrives, the telemedicine rules "
                "change, and nobody explains why."
            ),
            (
                "جب بھی کوئی نیا ہیڈ آف ڈیپارٹمنٹ آتا ہے، ٹیلی میڈیسن کے اصول بدل جاتے ہیں، "
                "اور کوئی وجہ نہیں بتاتا۔"
            ),
        ),
        (
            (
                "In {department} they do phone follow-ups, but the ward next door has been "
                "told not to. It all depends on who is in charge."
            ),
            (
                "{department} میں فون پر فالو اپ ہوتا ہے، لیکن ساتھ والے وارڈ کو منع کر دیا "
                "گیا ہے۔ سب کچھ اس پر منحصر ہے کہ انچارج کون ہے۔"
            ),
        ),
        (
            (
                "The written SOP says one thing and the verbal instruction from the morning "
                "meeting says another, so we follow whoever spoke last."
            ),
            (
                "تحریری ایس او پی میں کچھ اور لکھا ہے اور صبح کی میٹنگ میں زبانی ہدایت کچھ "
                "اور ملتی ہے، اس لیے جس نے آخر میں کہا، ہم اسی پر چلتے ہیں۔"
            ),
        ),
        (
            (
                "The morning shift and the night shift run the video clinic differently, "
                "because in {month} each in-charge made up a procedure of their own."
            ),
            (
                "صبح کی شفٹ اور رات کی شفٹ ویڈیو کلینک الگ الگ طریقے سے چلاتی ہیں، کیونکہ "
                "{month} میں ہر انچارج نے اپنا طریقہ خود بنا لیا تھا۔"
            ),
        ),
    ],
    "Systemic/Policy ambiguity/Uncertain scope of remote practice": [
        (
            (
                "Can I start insulin over a video call? Honestly, I do not know whether it "
                "is allowed, so my answer is always: come to the hospital."
            ),
            (
                "کیا ویڈیو کال پر انسولین شروع کروائی جا سکتی ہے؟ سچ پوچھیں تو مجھے نہیں "
                "پتا کہ اس کی اجازت ہے یا نہیں، اس لیے میرا جواب ہمیشہ یہی ہوتا ہے کہ "
                "ہسپتال آ جائیں۔"
            ),
        ),
        (
            (
                "Nobody has told us whether a sick note written after a phone consultation "
                "is valid, so we avoid giving them."
            ),
            (
                "کسی نے ہمیں یہ نہیں بتایا کہ فون پر مشاورت کے بعد لکھا گیا میڈیکل سرٹیفکیٹ "
                "قابلِ قبول ہے یا نہیں، اس لیے ہم یہ دینے سے کتراتے ہیں۔"
            ),
        ),
        (
            (
                "When {patient} called from another province, I was not sure I could even "
                "give advice across the border, so I kept it very general."
            ),
            (
                "جب {patient} نے دوسرے صوبے سے فون کیا تو مجھے یقین نہیں تھا کہ صوبے سے "
                "باہر مشورہ دینا بھی جائز ہے یا نہیں، اس لیے میں نے بات بہت عام سی رکھی۔"
            ),
        ),
        (
            (
                "Can a new patient be seen on video, or only follow-ups? Every colleague I "
                "ask gives me a different answer."
            ),
            (
                "کیا نئے مریض کو ویڈیو پر دیکھا جا سکتا ہے یا صرف فالو اپ والوں کو؟ جس "
                "ساتھی سے بھی پوچھو، اس کا جواب مختلف ہوتا ہے۔"
            ),
        ),
        (
            (
                "I have drawn my own line: no controlled drugs and no new diagnoses over "
                "the phone, simply because nobody has told me where the real line is."
            ),
            (
                "میں نے اپنی ایک حد خود طے کر رکھی ہے: فون پر نہ کنٹرولڈ دوائیں، نہ کوئی "
                "نئی تشخیص، صرف اس لیے کہ اصل حد کہاں ہے، یہ کسی نے بتایا ہی نہیں۔"
            ),
        ),
    ],
    "Systemic/Inconsistent funding/Pilot funding that ends": [
        (
            (
                "The project bought twenty tablets during COVID. When the grant finished, "
                "nobody paid for the data, so now they sit in a cupboard."
            ),
            (
                "کووڈ کے دنوں میں پروجیکٹ نے بیس ٹیبلٹ خریدے تھے۔ گرانٹ ختم ہوئی تو ڈیٹا کے "
                "پیسے کسی نے نہیں دیے، اب وہ الماری میں پڑے ہیں۔"
            ),
        ),
        (
            (
                "The donor programme ran the teleclinic beautifully for two years, and then "
                "in {month} the money stopped and so did the service."
            ),
            (
                "ڈونر پروگرام نے دو سال تک ٹیلی کلینک بہت اچھے طریقے سے چلایا، پھر {month} "
                "میں پیسہ بند ہوا اور سروس بھی بند ہو گئی۔"
            ),
        ),
        (
            (
                "Every budget season we wonder whether {platform} will survive another "
                "year, because it was only ever paid for by a pilot project."
            ),
            (
                "ہر بجٹ کے موسم میں ہم سوچتے ہیں کہ {platform} ایک اور سال چل پائے گی یا "
                "نہیں، کیونکہ اس کا خرچ ہمیشہ ایک پائلٹ پروجیکٹ سے ہی آتا تھا۔"
            ),
        ),
        (
            (
                "When the project staff left, the laptops and webcams stayed behind, but "
                "there was no money to pay anyone to run the clinic."
            ),
            (
                "پروجیکٹ کا عملہ چلا گیا تو لیپ ٹاپ اور ویب کیم یہیں رہ گئے، لیکن کلینک "
                "چلانے کے لیے کسی کو تنخواہ دینے کے پیسے نہیں تھے۔"
            ),
        ),
        (
            (
                "They told us the pilot would become permanent. Then the funding period "
                "ended and nobody ever mentioned it again."
            ),
            (
                "ہمیں بتایا گیا تھا کہ پائلٹ مستقل ہو جائے گا۔ پھر فنڈنگ کی مدت ختم ہوئی "
                "اور اس کے بعد کسی نے اس کا ذکر تک نہیں کیا۔"
            ),
        ),
    ],
    "Systemic/Inconsistent funding/Staff paying out of pocket": [
        (
            (
                "My own data package runs out by the twentieth of every month because of "
                "these calls, and nobody reimburses it."
            ),
            (
                "ان کالوں کی وجہ سے میرا اپنا ڈیٹا پیکج ہر مہینے کی بیس تاریخ تک ختم ہو "
                "جاتا ہے، اور کوئی اس کے پیسے واپس نہیں کرتا۔"
            ),
        ),
        (
            (
                "I bought the headset with my own money, because the hospital one broke in "
                "{month} and was never replaced."
            ),
            (
                "ہیڈ سیٹ میں نے اپنی جیب سے خریدا، کیونکہ ہسپتال والا {month} میں ٹوٹ گیا "
                "تھا اور اس کی جگہ نیا کبھی نہیں آیا۔"
            ),
        ),
        (
            (
                "All the video consultations happen on my personal phone with my personal "
                "balance. The hospital has never given us a single rupee for it."
            ),
            (
                "ساری ویڈیو مشاورت میرے ذاتی فون اور میرے ذاتی بیلنس سے ہوتی ہے۔ ہسپتال نے "
                "اس کے لیے آج تک ایک روپیہ بھی نہیں دیا۔"
            ),
        ),
        (
            (
                "I upgraded the internet at home so that the evening consultations would "
                "stop dropping, and that bill comes out of my salary."
            ),
            (
                "شام کی مشاورتیں بار بار نہ کٹیں، اس لیے میں نے گھر کا انٹرنیٹ اپ گریڈ "
                "کروایا، اور اس کا بل میری تنخواہ سے جاتا ہے۔"
            ),
        ),
        (
            (
                "The nurses top up their own mobile credit to call patients back. It is a "
                "small amount, but every month it adds up."
            ),
            (
                "نرسیں مریضوں کو واپس فون کرنے کے لیے اپنا موبائل لوڈ خود ڈلواتی ہیں۔ رقم "
                "تھوڑی ہوتی ہے، لیکن ہر مہینے جمع ہو کر کافی بن جاتی ہے۔"
            ),
        ),
    ],
    "Systemic/Inconsistent funding/No payment model for remote consults": [
        (
            (
                "In private practice a video consultation is either free or the patient "
                "argues about the fee. There is no proper system for charging it."
            ),
            (
                "پرائیویٹ پریکٹس میں ویڈیو مشاورت یا تو مفت ہوتی ہے یا پھر مریض فیس پر بحث "
                "کرتا ہے۔ اس کی فیس لینے کا کوئی باقاعدہ نظام نہیں ہے۔"
            ),
        ),
        (
            (
                "The online consultations do not appear in our monthly OPD figures, so as "
                "far as the administration is concerned, that work never happened."
            ),
            (
                "آن لائن مشاورتیں ہماری ماہانہ او پی ڈی کی گنتی میں شامل نہیں ہوتیں، اس لیے "
                "انتظامیہ کی نظر میں وہ کام کبھی ہوا ہی نہیں۔"
            ),
        ),
        (
            (
                "There is an allowance for night duty and an allowance for the emergency, "
                "but telemedicine duty gets nothing at all."
            ),
            (
                "نائٹ ڈیوٹی کا الاؤنس ہے، ایمرجنسی کا الاؤنس ہے، لیکن ٹیلی میڈیسن کی ڈیوٹی "
                "کے لیے کچھ بھی نہیں۔"
            ),
        ),
        (
            (
                "Patients think a phone call should be free. When I mention a fee, they "
                "say: but you only talked to me."
            ),
            (
                "مریض سمجھتے ہیں کہ فون کال تو مفت ہونی چاہیے۔ جب میں فیس کا ذکر کروں تو وہ "
                "کہتے ہیں: آپ نے تو بس بات ہی کی ہے۔"
            ),
        ),
        (
            (
                "Nobody can bill for an online consultation here, so the finance office "
                "treats the whole service as a cost with no income."
            ),
            (
                "یہاں آن لائن مشاورت کا بل بنانے کا کوئی طریقہ نہیں، اس لیے فنانس والے پوری "
                "سروس کو ایسا خرچ سمجھتے ہیں جس کی کوئی آمدنی نہیں۔"
            ),
        ),
    ],
    ("Systemic/Regulatory ambiguity and data privacy/Unclear professional liability"): [
        (
            (
                "If I miss something on video, the family will say the doctor did not even "
                "look properly, and the hospital will not stand with me."
            ),
            (
                "اگر ویڈیو پر مجھ سے کچھ رہ گیا تو گھر والے کہیں گے کہ ڈاکٹر نے ٹھیک سے "
                "دیکھا تک نہیں، اور ہسپتال میرا ساتھ نہیں دے گا۔"
            ),
        ),
        (
            (
                "Who answers for it if something goes wrong on an online call? I asked "
                "{colleague}, and nobody could tell me."
            ),
            (
                "اگر آن لائن کال پر کچھ غلط ہو جائے تو جواب دہ کون ہو گا؟ میں نے "
                "{colleague} سے پوچھا، کوئی نہیں بتا سکا۔"
            ),
        ),
        (
            (
                "There is no legal protection that covers telemedicine, so I end up "
                "referring almost everyone in person, just to protect myself."
            ),
            (
                "ٹیلی میڈیسن کے لیے کوئی قانونی تحفظ موجود نہیں، اس لیے اپنے بچاؤ کے لیے "
                "تقریباً ہر مریض کو ہسپتال ہی بلانا پڑتا ہے۔"
            ),
        ),
        (
            (
                "One complaint to the healthcare commission after a video consultation "
                "could end a career, and that fear sits at the back of my mind during every "
                "call."
            ),
            (
                "ویڈیو مشاورت کے بعد ہیلتھ کیئر کمیشن میں ایک شکایت پورا کیریئر ختم کر سکتی "
                "ہے، اور ہر کال کے دوران یہ ڈر میرے ذہن میں کہیں موجود رہتا ہے۔"
            ),
        ),
        (
            (
                "When {patient} got worse after a phone consultation, my first thought was "
                "not the patient but whether the blame would fall on me."
            ),
            (
                "جب فون پر مشاورت کے بعد {patient} کی حالت بگڑ گئی تو میرا پہلا خیال مریض "
                "کا نہیں تھا، بلکہ یہ تھا کہ کہیں الزام مجھ پر نہ آ جائے۔"
            ),
        ),
    ],
    ("Systemic/Regulatory ambiguity and data privacy/Patient data on personal devices"): [
        (
            (
                "Half my phone gallery is patients' lab reports. If I lose this phone, "
                "their privacy goes with it."
            ),
            (
                "میرے فون کی آدھی گیلری مریضوں کی لیب رپورٹوں سے بھری ہے۔ اگر یہ فون گم ہو "
                "گیا تو ان کی پرائیویسی بھی ساتھ ہی چلی جائے گی۔"
            ),
        ),
        (
            (
                "Our whole ward runs on a WhatsApp group: wound photos, prescriptions, "
                "discharge notes, everything on our personal phones."
            ),
            (
                "ہمارا پورا وارڈ ایک واٹس ایپ گروپ پر چلتا ہے: زخموں کی تصویریں، نسخے، "
                "ڈسچارج کے نوٹس، سب کچھ ہمارے ذاتی فونوں پر۔"
            ),
        ),
        (
            (
                "There is no secure official channel, so patients send their scans to my "
                "personal number and they stay there forever."
            ),
            (
                "کوئی محفوظ سرکاری ذریعہ موجود نہیں، اس لیے مریض اپنے اسکین میرے ذاتی نمبر "
                "پر بھیجتے ہیں اور وہ ہمیشہ کے لیے وہیں رہ جاتے ہیں۔"
            ),
        ),
        (
            (
                "My children play games on the same phone that has patients' reports on it, "
                "and honestly that worries me."
            ),
            (
                "میرے بچے اسی فون پر گیمز کھیلتے ہیں جس میں مریضوں کی رپورٹیں پڑی ہیں، اور "
                "سچ کہوں تو یہ بات مجھے پریشان کرتی ہے۔"
            ),
        ),
        (
            (
                "When {colleague} changed phones, a year of patient photos went to the shop "
                "with the old handset. Nobody thought twice about it."
            ),
            (
                "جب {colleague} نے فون بدلا تو مریضوں کی سال بھر کی تصویریں پرانے فون کے "
                "ساتھ دکان پر چلی گئیں۔ کسی نے اس بارے میں دوبارہ سوچا تک نہیں۔"
            ),
        ),
    ],
    (
        "Systemic/Regulatory ambiguity and data privacy/Consent and confidentiality "
        "in remote consults"
    ): [
        (
            (
                "The patient could not talk about the bleeding, because {relative} was "
                "holding the phone for the whole call."
            ),
            (
                "مریضہ خون آنے کے بارے میں بات نہیں کر سکی، کیونکہ پوری کال کے دوران فون "
                "{relative} کے ہاتھ میں تھا۔"
            ),
        ),
        (
            (
                "There is no private room for calls, so they happen at the nursing station "
                "with five people listening."
            ),
            (
                "کالوں کے لیے کوئی الگ کمرہ نہیں ہے، اس لیے یہ نرسنگ اسٹیشن پر ہی ہوتی ہیں "
                "جہاں پانچ لوگ سن رہے ہوتے ہیں۔"
            ),
        ),
        (
            (
                "How should consent be taken on a video call? Do we record it, write it "
                "down, ask for a thumbprint? Nobody has told us."
            ),
            (
                "ویڈیو کال پر رضامندی کیسے لی جائے؟ ریکارڈ کی جائے، لکھ لی جائے، یا انگوٹھا "
                "لگوایا جائے؟ یہ ہمیں کسی نے نہیں بتایا۔"
            ),
        ),
        (
            (
                "During {consult_kind} with a young woman, {relative} kept answering every "
                "question, and I never found out what the patient herself wanted."
            ),
            (
                "ایک نوجوان خاتون کے ساتھ {consult_kind} کے دوران {relative} ہر سوال کا "
                "جواب خود دیتی رہی، اور مجھے کبھی پتا نہیں چلا کہ مریضہ خود کیا چاہتی تھی۔"
            ),
        ),
        (
            (
                "Patients call from the bus, from the bazaar, from a room full of "
                "relatives. Confidentiality in that situation is more or less a joke."
            ),
            (
                "مریض بس سے، بازار سے، رشتہ داروں سے بھرے کمرے سے کال کرتے ہیں۔ ایسی "
                "صورتحال میں رازداری تقریباً ایک مذاق ہے۔"
            ),
        ),
        (
            (
                "A relative once recorded my whole consultation without asking, and it "
                "ended up on Facebook. Nobody had explained the rules to anyone."
            ),
            (
                "ایک بار ایک رشتہ دار نے پوچھے بغیر میری پوری مشاورت ریکارڈ کر لی، اور وہ "
                "فیس بک پر پہنچ گئی۔ کسی نے کسی کو بھی اصول نہیں بتائے تھے۔"
            ),
        ),
    ],
    # -- Technological ---------------------------------------------------------------------------
    "Technological/Usability and glitches/Platform crashes and freezes": [
        (
            (
                "It froze in the middle of the prescription, and when it came back the "
                "whole note was gone."
            ),
            ("نسخے کے بیچ میں ہی سسٹم جام ہو گیا، اور جب دوبارہ چلا تو پورا نوٹ غائب تھا۔"),
        ),
        (
            (
                "Since the update in {month}, {platform} logs me out every few minutes and "
                "whatever I have typed is lost."
            ),
            (
                "{month} والی اپ ڈیٹ کے بعد سے {platform} ہر چند منٹ بعد مجھے لاگ آؤٹ کر "
                "دیتی ہے اور جو کچھ لکھا ہوتا ہے، سب ضائع ہو جاتا ہے۔"
            ),
        ),
        (
            (
                "I had to restart {platform} {number_of_times} in one morning clinic. The "
                "patients must have thought I had no idea what I was doing."
            ),
            (
                "ایک ہی صبح کے کلینک میں مجھے {platform} {number_of_times} دوبارہ شروع کرنی "
                "پڑی۔ مریضوں نے سوچا ہو گا کہ مجھے کچھ آتا ہی نہیں۔"
            ),
        ),
        (
            (
                "The screen freezes, then a message says that something went wrong, and the "
                "only fix anyone knows is to close everything and start again."
            ),
            (
                "اسکرین رک جاتی ہے، پھر پیغام آتا ہے کہ کچھ غلط ہو گیا ہے، اور اس کا واحد "
                "حل جو سب کو معلوم ہے وہ یہ کہ سب کچھ بند کر کے دوبارہ شروع کیا جائے۔"
            ),
        ),
        (
            (
                "Half an hour of careful notes disappeared when the app crashed, and I had "
                "to write everything again from memory with the next patient waiting."
            ),
            (
                "ایپ کریش ہوئی تو آدھے گھنٹے کے احتیاط سے لکھے ہوئے نوٹس غائب ہو گئے، اور "
                "مجھے سب کچھ یادداشت سے دوبارہ لکھنا پڑا، جبکہ اگلا مریض انتظار کر رہا تھا۔"
            ),
        ),
    ],
    "Technological/Usability and glitches/Unintuitive interface": [
        (
            (
                "To write one prescription you click through five screens. Whoever designed "
                "{platform} has never sat in an OPD."
            ),
            (
                "ایک نسخہ لکھنے کے لیے پانچ اسکرینوں سے گزرنا پڑتا ہے۔ جس نے بھی {platform} "
                "بنائی ہے، وہ کبھی او پی ڈی میں نہیں بیٹھا۔"
            ),
        ),
        (
            (
                "Everything on the screen is in English and the text is tiny. Half our "
                "nurses have to ask someone which button to press."
            ),
            (
                "اسکرین پر سب کچھ انگریزی میں ہے اور لکھائی بہت چھوٹی ہے۔ ہماری آدھی نرسوں "
                "کو کسی سے پوچھنا پڑتا ہے کہ کون سا بٹن دبانا ہے۔"
            ),
        ),
        (
            (
                "It has fourteen buttons and I need two. Finding the patient's previous "
                "visit takes longer than the visit itself."
            ),
            (
                "اس میں چودہ بٹن ہیں اور میرے کام کے صرف دو۔ مریض کا پچھلا وزٹ ڈھونڈنے میں "
                "اس سے زیادہ وقت لگتا ہے جتنا خود وزٹ میں۔"
            ),
        ),
        (
            (
                "Logging in needs a password, then a code on my phone, then another "
                "password, and by the time the system opens, the patient has given up."
            ),
            (
                "لاگ اِن کے لیے پہلے پاس ورڈ، پھر فون پر کوڈ، پھر ایک اور پاس ورڈ، اور جب "
                "تک سسٹم کھلتا ہے، مریض تنگ آ کر کال چھوڑ چکا ہوتا ہے۔"
            ),
        ),
        (
            (
                "The menus follow the software company's logic, not a clinic's. History is "
                "in one corner, medicines in another, and the vitals are hidden under "
                "settings."
            ),
            (
                "مینیو سافٹ ویئر کمپنی کی منطق کے مطابق بنے ہیں، کلینک کے حساب سے نہیں۔ "
                "ہسٹری ایک کونے میں، دوائیں دوسرے میں، اور وائٹلز سیٹنگز کے اندر چھپے ہوئے۔"
            ),
        ),
    ],
    "Technological/Usability and glitches/Audio and video quality": [
        (
            "On the screen every rash looks the same colour, a kind of orange blur.",
            "اسکرین پر ہر دانہ ایک ہی رنگ کا لگتا ہے، ایک طرح کا نارنجی دھندلا سا دھبہ۔",
        ),
        (
            (
                "The echo is so bad that I hear my own voice coming back before I hear the "
                "patient's answer."
            ),
            (
                "گونج اتنی زیادہ ہوتی ہے کہ مریض کا جواب سننے سے پہلے مجھے اپنی ہی آواز "
                "واپس سنائی دیتی ہے۔"
            ),
        ),
        (
            (
                "The call stays connected, but the picture from {place} is so dark and "
                "blurred that I cannot see the wound at all."
            ),
            (
                "کال تو ملی رہتی ہے، لیکن {place} سے آنے والی تصویر اتنی اندھیری اور دھندلی "
                "ہوتی ہے کہ زخم بالکل نظر نہیں آتا۔"
            ),
        ),
        (
            (
                "There is a delay of two or three seconds, so the patient and I keep "
                "talking over each other."
            ),
            (
                "دو تین سیکنڈ کی تاخیر ہوتی ہے، اس لیے مریض اور میں بار بار ایک دوسرے کی "
                "بات کاٹ دیتے ہیں۔"
            ),
        ),
        (
            (
                "Our webcam is older than some of our house officers. Everything it shows "
                "looks as if it was filmed through a dirty window."
            ),
            (
                "ہمارا ویب کیم ہمارے کچھ ہاؤس آفیسرز سے بھی پرانا ہے۔ اس میں ہر چیز ایسی "
                "لگتی ہے جیسے گندی کھڑکی کے پیچھے سے فلمائی گئی ہو۔"
            ),
        ),
        (
            (
                "With the microphone on the patient's side I cannot hear a wheeze at all, "
                "only a kind of crackling noise."
            ),
            (
                "مریض کی طرف کے مائیک سے سانس کی سیٹی سنائی ہی نہیں دیتی، بس ایک کھڑکھڑاہٹ "
                "سی آتی رہتی ہے۔"
            ),
        ),
    ],
    "Technological/Internet reliability/Dropped connections during consults": [
        (
            (
                "The call dropped {number_of_times} in one consultation, and every time the "
                "patient had to start the story again from the beginning."
            ),
            (
                "ایک ہی مشاورت میں کال {number_of_times} کٹی، اور ہر بار مریض کو اپنی بات "
                "شروع سے سنانی پڑی۔"
            ),
        ),
        (
            (
                "The hospital Wi-Fi works in the admin block and nowhere else, so the video "
                "calls keep freezing and cutting out."
            ),
            (
                "ہسپتال کا وائی فائی صرف ایڈمن بلاک میں چلتا ہے، اور کہیں نہیں، اس لیے "
                "ویڈیو کالیں بار بار رکتی اور کٹتی رہتی ہیں۔"
            ),
        ),
        (
            (
                "Half my video consultations end up as an ordinary phone call, because the "
                "connection simply cannot hold a picture."
            ),
            (
                "میری آدھی ویڈیو مشاورتیں آخرکار عام فون کال بن کر رہ جاتی ہیں، کیونکہ "
                "کنکشن تصویر سنبھال ہی نہیں پاتا۔"
            ),
        ),
        (
            (
                "I spent {duration} reconnecting during {consult_kind}, and in the end we "
                "gave up and I asked the patient to come in."
            ),
            (
                "{consult_kind} کے دوران {duration} تو کال دوبارہ ملانے میں لگ گئے، اور آخر "
                "میں ہم نے ہار مان لی اور میں نے مریض کو ہسپتال بلا لیا۔"
            ),
        ),
        (
            (
                "The internet is the whole service. When it goes, telemedicine goes, and in "
                "our building it goes every afternoon."
            ),
            (
                "انٹرنیٹ ہی تو ساری سروس ہے۔ وہ گیا تو ٹیلی میڈیسن گئی، اور ہماری عمارت میں "
                "یہ ہر سہ پہر جاتا ہے۔"
            ),
        ),
    ],
    "Technological/Internet reliability/Rural patients' poor connectivity": [
        (
            (
                "For patients in {place} there is one bar of signal, and only if they stand "
                "on the roof."
            ),
            ("{place} کے مریضوں کے لیے ایک ہی سگنل آتا ہے، وہ بھی اگر وہ چھت پر کھڑے ہوں۔"),
        ),
        (
            (
                "A patient from {place} told me the whole family shares one phone, and it "
                "is usually with the father at the market."
            ),
            (
                "{place} سے ایک مریض نے بتایا کہ پورے گھر کے پاس ایک ہی فون ہے، اور وہ "
                "عموماً بازار میں والد کے پاس ہوتا ہے۔"
            ),
        ),
        (
            (
                "Many of my rural patients have a phone but no data credit, so the video "
                "link we send them is useless."
            ),
            (
                "میرے بہت سے دیہی مریضوں کے پاس فون تو ہے مگر ڈیٹا کا بیلنس نہیں، اس لیے ان "
                "کو بھیجا گیا ویڈیو لنک کسی کام کا نہیں۔"
            ),
        ),
        (
            (
                "In whole districts of the south there is hardly any coverage. Telemedicine "
                "was meant to reach exactly those people, and it reaches them least."
            ),
            (
                "جنوب کے پورے پورے اضلاع میں سگنل نہ ہونے کے برابر ہے۔ ٹیلی میڈیسن انہی "
                "لوگوں تک پہنچنے کے لیے تھی، اور سب سے کم انہی تک پہنچتی ہے۔"
            ),
        ),
        (
            (
                "Whenever I call {patient} in {place}, the line is full of noise and we "
                "lose each other every minute."
            ),
            (
                "{place} میں {patient} کو فون ملاؤ تو لائن میں شور ہی شور ہوتا ہے اور ہر "
                "منٹ بعد رابطہ ٹوٹ جاتا ہے۔"
            ),
        ),
    ],
    "Technological/Internet reliability/Power outages and load-shedding": [
        (
            ("At {time} the electricity goes, the router goes, and my video patient is gone."),
            ("{time} بجلی جاتی ہے، ساتھ ہی راؤٹر بند ہوتا ہے، اور میرا ویڈیو والا مریض بھی غائب۔"),
        ),
        (
            (
                "The generator covers the operation theatre and the ICU, but not the "
                "telemedicine room, so every load-shedding ends the clinic."
            ),
            (
                "جنریٹر آپریشن تھیٹر اور آئی سی یو کو تو چلاتا ہے، مگر ٹیلی میڈیسن کے کمرے "
                "کو نہیں، اس لیے ہر لوڈ شیڈنگ پر کلینک ختم۔"
            ),
        ),
        (
            (
                "We now schedule video consultations around the load-shedding timetable, "
                "which changes every week anyway."
            ),
            (
                "اب ہم ویڈیو مشاورتیں لوڈ شیڈنگ کے شیڈول کے حساب سے رکھتے ہیں، جو ویسے بھی "
                "ہر ہفتے بدل جاتا ہے۔"
            ),
        ),
        (
            (
                "In summer the patient's phone battery dies, because their village has had "
                "no electricity since the morning."
            ),
            (
                "گرمیوں میں مریض کے فون کی بیٹری ختم ہو جاتی ہے، کیونکہ ان کے گاؤں میں صبح "
                "سے بجلی ہی نہیں ہوتی۔"
            ),
        ),
        (
            (
                "During {consult_kind} the power went on our side, the UPS lasted "
                "{duration}, and then everything went dark."
            ),
            (
                "{consult_kind} کے دوران ہماری طرف بجلی چلی گئی، یو پی ایس نے {duration} "
                "ساتھ دیا، اور پھر ہر طرف اندھیرا۔"
            ),
        ),
    ],
    "Technological/Interoperability/No link to hospital records": [
        (
            (
                "On video I have no history. When I ask which medicines the patient takes, "
                "the answer is: the white one and the small one."
            ),
            (
                "ویڈیو پر میرے سامنے کوئی ہسٹری نہیں ہوتی۔ پوچھو کہ کون سی دوائیں لیتے ہیں "
                "تو جواب آتا ہے: وہ سفید والی اور وہ چھوٹی والی۔"
            ),
        ),
        (
            (
                "The notes I write in {platform} never reach the ward file, so the ward "
                "team has no idea what I advised."
            ),
            (
                "{platform} میں لکھے گئے میرے نوٹس وارڈ کی فائل تک کبھی نہیں پہنچتے، اس لیے "
                "وارڈ کی ٹیم کو پتا ہی نہیں ہوتا کہ میں نے کیا مشورہ دیا تھا۔"
            ),
        ),
        (
            (
                "For every online patient I depend on their memory, or on a paper file that "
                "is lying at home in {place}."
            ),
            (
                "ہر آن لائن مریض کے معاملے میں مجھے ان کی یادداشت پر بھروسہ کرنا پڑتا ہے، "
                "یا اس کاغذی فائل پر جو {place} میں گھر پر پڑی ہے۔"
            ),
        ),
        (
            (
                "The hospital record system and the telemedicine system do not know each "
                "other exist, so every time it is as if I am meeting the patient for the "
                "first time."
            ),
            (
                "ہسپتال کا ریکارڈ سسٹم اور ٹیلی میڈیسن کا سسٹم ایک دوسرے کو جانتے ہی نہیں، "
                "اس لیے ہر بار یوں لگتا ہے جیسے مریض سے پہلی بار ملاقات ہو رہی ہو۔"
            ),
        ),
        (
            (
                "I could not open the discharge summary during the call, so I prescribed "
                "the same antibiotic that had already failed."
            ),
            (
                "کال کے دوران ڈسچارج سمری نہیں کھل سکی، اسی لیے میں نے وہی اینٹی بائیوٹک "
                "لکھ دی جو پہلے ہی ناکام ہو چکی تھی۔"
            ),
        ),
    ],
    "Technological/Interoperability/Duplicate data entry": [
        (
            (
                "I have to write the same note in the portal, then in the register, and "
                "then once more in the hospital system."
            ),
            (
                "ایک ہی نوٹ پہلے پورٹل میں، پھر رجسٹر میں، اور پھر ایک بار اور ہسپتال کے "
                "سسٹم میں لکھنا پڑتا ہے۔"
            ),
        ),
        (
            (
                "Name, age, ID card number, address: I type it all into {platform} and then "
                "type it all over again on the hospital computer."
            ),
            (
                "نام، عمر، شناختی کارڈ نمبر، پتا: یہ سب {platform} میں ٹائپ کرنے کے بعد "
                "ہسپتال کے کمپیوٹر پر دوبارہ ٹائپ کرنا پڑتا ہے۔"
            ),
        ),
        (
            (
                "We still keep the paper register because the audit team wants it, so every "
                "online consultation gets recorded twice."
            ),
            (
                "ہم اب بھی کاغذی رجسٹر رکھتے ہیں کیونکہ آڈٹ ٹیم اسے مانگتی ہے، اس لیے ہر آن "
                "لائن مشاورت دو بار درج ہوتی ہے۔"
            ),
        ),
        (
            (
                "Copying notes from one system to the other takes me {duration} at the end "
                "of every clinic, and no patient benefits from that time."
            ),
            (
                "ہر کلینک کے آخر میں نوٹس ایک سسٹم سے دوسرے میں منتقل کرنے میں {duration} "
                "لگ جاتے ہیں، اور اس وقت سے کسی مریض کو کوئی فائدہ نہیں ہوتا۔"
            ),
        ),
        (
            (
                "The lab request goes into the video platform, then again into the lab "
                "software, then once more onto a paper slip for the sample."
            ),
            (
                "لیب کی درخواست پہلے ویڈیو پلیٹ فارم میں جاتی ہے، پھر لیب کے سافٹ ویئر میں، "
                "پھر ایک بار اور نمونے کی کاغذی پرچی پر۔"
            ),
        ),
    ],
    "Technological/Interoperability/Lab and imaging results not accessible": [
        (
            (
                "The X-ray is in the radiology system, the consultation is in the video "
                "system, and the patient is holding the film up to the window."
            ),
            (
                "ایکسرے ریڈیالوجی کے سسٹم میں ہے، مشاورت ویڈیو کے سسٹم میں، اور مریض فلم کو "
                "کھڑکی کی طرف اٹھا کر دکھا رہا ہے۔"
            ),
        ),
        (
            (
                "I cannot see the lab results from inside {platform}, so patients send me "
                "blurry photos of their reports."
            ),
            (
                "{platform} کے اندر سے لیب کے نتائج نظر نہیں آتے، اس لیے مریض اپنی رپورٹوں "
                "کی دھندلی تصویریں بھیجتے ہیں۔"
            ),
        ),
        (
            (
                "A potassium result sat in the lab system for {days_waited}, because nobody "
                "on the telemedicine side could see it."
            ),
            (
                "پوٹاشیم کا ایک رزلٹ {days_waited} تک لیب کے سسٹم میں پڑا رہا، کیونکہ ٹیلی "
                "میڈیسن والی طرف سے کوئی اسے دیکھ ہی نہیں سکتا تھا۔"
            ),
        ),
        (
            (
                "An ultrasound report read out over the phone is not the same as seeing the "
                "images, but that is all we get."
            ),
            (
                "فون پر پڑھ کر سنائی گئی الٹراساؤنڈ رپورٹ تصویریں دیکھنے جیسی نہیں ہوتی، "
                "لیکن ہمیں بس یہی ملتا ہے۔"
            ),
        ),
        (
            (
                "Patients hold their CT report up to the camera, and I try to read the "
                "numbers through the glare."
            ),
            (
                "مریض اپنی سی ٹی اسکین کی رپورٹ کیمرے کے آگے کر دیتے ہیں، اور چمک کے پیچھے "
                "سے نمبر پڑھنے کی کوشش کرنی پڑتی ہے۔"
            ),
        ),
    ],
    # -- Organizational --------------------------------------------------------------------------
    "Organizational/Lack of training/No formal orientation": [
        (
            ("Nobody sat with us even for an hour. They gave us the log-in and said: start."),
            (
                "کسی نے ایک گھنٹے کے لیے بھی ہمارے ساتھ بیٹھ کر نہیں سمجھایا۔ بس لاگ اِن "
                "دیا اور کہا: شروع کریں۔"
            ),
        ),
        (
            (
                "We were told on Monday that we would start on Wednesday. That was the "
                "whole training."
            ),
            "ہمیں پیر کو بتایا گیا کہ بدھ سے شروع کرنا ہے۔ بس یہی پوری ٹریننگ تھی۔",
        ),
        (
            (
                "There was no manual, no written guide, nothing. It was stressful and "
                "confusing, especially with patients already waiting on the screen."
            ),
            (
                "نہ کوئی مینول تھا، نہ کوئی تحریری گائیڈ، کچھ بھی نہیں۔ بہت پریشانی اور "
                "الجھن ہوتی تھی، خاص طور پر جب مریض پہلے سے اسکرین پر انتظار کر رہے ہوں۔"
            ),
        ),
        (
            (
                "I was posted to {department} in {month} and put on the video roster the "
                "same week, without any induction at all."
            ),
            (
                "{month} میں میری {department} میں تعیناتی ہوئی اور اسی ہفتے بغیر کسی "
                "تعارفی تربیت کے میرا نام ویڈیو ڈیوٹی کی فہرست میں ڈال دیا گیا۔"
            ),
        ),
        (
            (
                "Honestly, on my first day with {platform} I did not even know where to "
                "click to accept a call, because nobody had shown us anything."
            ),
            (
                "سچ بتاؤں تو {platform} کے ساتھ پہلے دن مجھے یہ تک معلوم نہیں تھا کہ کال "
                "قبول کرنے کے لیے کہاں کلک کرنا ہے، کیونکہ کسی نے ہمیں کچھ دکھایا ہی نہیں "
                "تھا۔"
            ),
        ),
    ],
    "Organizational/Lack of training/Learning from colleagues informally": [
        (
            ("Everything I know about the portal, a house officer taught me in the corridor."),
            (
                "پورٹل کے بارے میں جو کچھ مجھے آتا ہے، وہ ایک ہاؤس آفیسر نے راہداری میں "
                "کھڑے کھڑے سکھایا۔"
            ),
        ),
        (
            (
                "When I get stuck during a call, I have to call out for {colleague}, who "
                "knows the system better than the IT department does."
            ),
            (
                "کال کے دوران کہیں پھنس جاؤں تو {colleague} کو آواز دینی پڑتی ہے، جو یہ "
                "سسٹم آئی ٹی والوں سے بھی بہتر جانتے ہیں۔"
            ),
        ),
        (
            (
                "I learned most of it from YouTube videos at night, by trial and error, and "
                "by making mistakes with real patients."
            ),
            (
                "زیادہ تر چیزیں میں نے رات کو یوٹیوب کی ویڈیوز دیکھ کر سیکھیں، آزما آزما "
                "کر، اور اصل مریضوں کے ساتھ غلطیاں کر کے۔"
            ),
        ),
        (
            (
                "Someone in the unit made a little guide with screenshots, and it has been "
                "going round on WhatsApp ever since. That is our real manual."
            ),
            (
                "یونٹ میں کسی نے اسکرین شاٹس کے ساتھ ایک چھوٹی سی گائیڈ بنائی تھی جو تب سے "
                "واٹس ایپ پر گردش کر رہی ہے۔ ہمارا اصل مینول وہی ہے۔"
            ),
        ),
        (
            (
                "My daughter showed me how to share my screen. Then I showed {colleague}, "
                "and that is how things spread here."
            ),
            (
                "اسکرین شیئر کرنا مجھے میری بیٹی نے سکھایا۔ پھر میں نے {colleague} کو "
                "سکھایا، اور یہاں چیزیں ایسے ہی پھیلتی ہیں۔"
            ),
        ),
    ],
    "Organizational/Lack of training/Training not matched to clinical practice": [
        (
            (
                "The company showed us the menus on a projector. Nobody showed us how to "
                "examine a child through a phone."
            ),
            (
                "کمپنی والوں نے پروجیکٹر پر ہمیں مینیو دکھائے۔ یہ کسی نے نہیں بتایا کہ فون "
                "کے ذریعے بچے کا معائنہ کیسے کیا جائے۔"
            ),
        ),
        (
            (
                "The training was one lecture in {month}, during duty hours, so half of us "
                "were called back to the ward before it ended."
            ),
            (
                "ٹریننگ {month} میں ایک لیکچر تھا، وہ بھی ڈیوٹی کے اوقات میں، اس لیے ہم میں "
                "سے آدھے لوگ ختم ہونے سے پہلے ہی وارڈ میں واپس بلا لیے گئے۔"
            ),
        ),
        (
            (
                "They taught us which button to press, but not how to break bad news on a "
                "screen, which is the hard part."
            ),
            (
                "ہمیں یہ تو سکھایا گیا کہ کون سا بٹن دبانا ہے، یہ نہیں کہ اسکرین پر بری خبر "
                "کیسے دی جائے، جو اصل مشکل کام ہے۔"
            ),
        ),
        (
            (
                "One session, no refresher, no follow-up. By the time we actually started "
                "using the system, we had forgotten all of it."
            ),
            (
                "ایک سیشن، نہ ریفریشر، نہ کوئی فالو اپ۔ جب تک ہم نے واقعی سسٹم استعمال کرنا "
                "شروع کیا، سب کچھ بھول چکے تھے۔"
            ),
        ),
        (
            (
                "The trainer had never seen a patient. What would help is a clinician doing "
                "{consult_kind} with a real patient in front of us, from start to finish."
            ),
            (
                "ٹرینر نے کبھی کوئی مریض دیکھا ہی نہیں تھا۔ فائدہ تب ہو گا جب کوئی معالج "
                "ہمارے سامنے ایک اصل مریض کے ساتھ شروع سے آخر تک {consult_kind} کر کے "
                "دکھائے۔"
            ),
        ),
    ],
    ("Organizational/Weak administrative and IT support/IT help unavailable when needed"): [
        (
            (
                "I logged the complaint on the ninth. It is now the twenty-fifth, and the "
                "ticket still says pending."
            ),
            (
                "میں نے نو تاریخ کو شکایت درج کروائی تھی۔ آج پچیس تاریخ ہے، اور ٹکٹ پر اب "
                "بھی پینڈنگ لکھا ہے۔"
            ),
        ),
        (
            (
                "There is nobody from IT after two in the afternoon or on Sundays, and that "
                "is exactly when the evening clinic runs."
            ),
            (
                "دوپہر دو بجے کے بعد اور اتوار کو آئی ٹی کا کوئی بندہ موجود نہیں ہوتا، اور "
                "شام کا کلینک عین اسی وقت چلتا ہے۔"
            ),
        ),
        (
            (
                "We waited {days_waited} for someone to fix the camera, and in the meantime "
                "we did everything on voice calls."
            ),
            (
                "کیمرہ ٹھیک کروانے کے لیے ہم نے {days_waited} انتظار کیا، اور اس دوران سب "
                "کچھ وائس کال پر ہی کرتے رہے۔"
            ),
        ),
        (
            (
                "When you call IT, they say restart it. They do not understand that a "
                "patient is on the line right now, waiting."
            ),
            (
                "آئی ٹی کو فون کرو تو کہتے ہیں ری اسٹارٹ کر لیں۔ انہیں یہ سمجھ نہیں آتا کہ "
                "مریض اس وقت لائن پر انتظار کر رہا ہے۔"
            ),
        ),
        (
            (
                "Most problems I end up fixing myself, because waiting for IT means the "
                "patient will have gone home."
            ),
            (
                "زیادہ تر مسئلے آخرکار مجھے خود ہی ٹھیک کرنے پڑتے ہیں، کیونکہ آئی ٹی کا "
                "انتظار کرنے کا مطلب ہے کہ مریض گھر جا چکا ہو گا۔"
            ),
        ),
    ],
    "Organizational/Weak administrative and IT support/Management not engaged": [
        (
            "They asked for our feedback once. We wrote three pages. Nothing came back.",
            (
                "انہوں نے ایک بار ہم سے رائے مانگی۔ ہم نے تین صفحے لکھ کر دیے۔ جواب میں کچھ "
                "نہیں آیا۔"
            ),
        ),
        (
            (
                "They launched it in {month} with a ribbon and a photograph, and after that "
                "nobody from management came back to ask how it was going."
            ),
            (
                "{month} میں فیتہ کاٹ کر اور تصویریں کھنچوا کر اس کا افتتاح ہوا، اور اس کے "
                "بعد انتظامیہ میں سے کوئی یہ پوچھنے نہیں آیا کہ کام کیسا چل رہا ہے۔"
            ),
        ),
        (
            (
                "Management only wants the number of calls for the monthly report. Nobody "
                "has ever asked us what the problems are."
            ),
            (
                "انتظامیہ کو صرف ماہانہ رپورٹ کے لیے کالوں کی تعداد چاہیے۔ کسی نے ہم سے "
                "کبھی نہیں پوچھا کہ مسائل کیا ہیں۔"
            ),
        ),
        (
            (
                "There is no named person in charge of telemedicine. If you ask who owns "
                "it, everyone points at someone else."
            ),
            (
                "ٹیلی میڈیسن کا کوئی نامزد ذمہ دار نہیں ہے۔ پوچھو کہ یہ کس کے ذمے ہے تو ہر "
                "کوئی کسی اور کی طرف اشارہ کر دیتا ہے۔"
            ),
        ),
        (
            (
                "The decision to start was taken in a meeting that no clinician attended. "
                "We found out from a notice on the board."
            ),
            (
                "شروع کرنے کا فیصلہ ایک ایسی میٹنگ میں ہوا جس میں کوئی معالج شریک نہیں تھا۔ "
                "ہمیں نوٹس بورڈ پر لگے ایک نوٹس سے پتا چلا۔"
            ),
        ),
    ],
    ("Organizational/Weak administrative and IT support/Equipment and space shortages"): [
        (
            (
                "There is one laptop with a camera for the whole department, and it lives "
                "in the head's office."
            ),
            (
                "پورے ڈیپارٹمنٹ کے لیے کیمرے والا ایک ہی لیپ ٹاپ ہے، اور وہ بھی ہیڈ کے دفتر "
                "میں رہتا ہے۔"
            ),
        ),
        (
            (
                "I have to do the calls in the corridor outside {department}, with "
                "stretchers going past and people shouting."
            ),
            (
                "کالیں مجھے {department} کے باہر راہداری میں کرنی پڑتی ہیں، جہاں سے اسٹریچر "
                "گزر رہے ہوتے ہیں اور لوگ اونچی آواز میں بول رہے ہوتے ہیں۔"
            ),
        ),
        (
            (
                "We asked for headsets and a second webcam in {month}; the request is still "
                "lying in a file somewhere, and we share one broken set."
            ),
            (
                "ہم نے {month} میں ہیڈ سیٹ اور ایک اور ویب کیم مانگا تھا؛ درخواست اب بھی "
                "کسی فائل میں پڑی ہے، اور ہم سب ایک ہی خراب سیٹ سے کام چلاتے ہیں۔"
            ),
        ),
        (
            (
                "There is no dedicated room for telemedicine. Some days I sit in the store "
                "room between boxes of gloves."
            ),
            (
                "ٹیلی میڈیسن کے لیے کوئی مخصوص کمرہ نہیں ہے۔ کسی کسی دن تو مجھے اسٹور روم "
                "میں دستانوں کے ڈبوں کے بیچ بیٹھنا پڑتا ہے۔"
            ),
        ),
        (
            (
                "Three of the four computers at the nursing station have no working "
                "microphone, so we queue for the fourth."
            ),
            (
                "نرسنگ اسٹیشن کے چار میں سے تین کمپیوٹروں کا مائیک کام نہیں کرتا، اس لیے "
                "چوتھے کے لیے ہمیں باری کا انتظار کرنا پڑتا ہے۔"
            ),
        ),
    ],
    ("Organizational/Workflow disruption and scheduling/Added on top of clinical workload"): [
        (
            (
                "Nobody took anything off my plate. The video clinic is simply on top, "
                "after the OPD, when I have nothing left in me."
            ),
            (
                "میرے کام میں سے کچھ بھی کم نہیں کیا گیا۔ ویڈیو کلینک بس اوپر سے ڈال دیا "
                "گیا ہے، او پی ڈی کے بعد، جب ہمت پہلے ہی جواب دے چکی ہوتی ہے۔"
            ),
        ),
        (
            (
                "After seeing {patient_count} patients in the OPD, I have to do the phone "
                "follow-ups in my lunch break or at home at night."
            ),
            (
                "او پی ڈی میں {patient_count} مریض دیکھنے کے بعد فون والے فالو اپ مجھے "
                "کھانے کے وقفے میں یا رات کو گھر پر کرنے پڑتے ہیں۔"
            ),
        ),
        (
            (
                "There is no protected time and no extra staff for telemedicine. It simply "
                "makes the day longer."
            ),
            ("ٹیلی میڈیسن کے لیے نہ کوئی مخصوص وقت ہے نہ اضافی عملہ۔ بس دن اور لمبا ہو جاتا ہے۔"),
        ),
        (
            (
                "By the end of the week I am completely drained. It is not the patients, it "
                "is this second job that nobody counts."
            ),
            (
                "ہفتے کے آخر تک میری ساری توانائی ختم ہو چکی ہوتی ہے۔ وجہ مریض نہیں، یہ "
                "دوسری نوکری ہے جسے کوئی گنتا ہی نہیں۔"
            ),
        ),
        (
            (
                "Since {month} my duty officially ends at two, but the video list keeps me "
                "in the hospital until six on most days."
            ),
            (
                "{month} سے میری ڈیوٹی کاغذ پر تو دو بجے ختم ہو جاتی ہے، لیکن ویڈیو والی "
                "فہرست کی وجہ سے اکثر شام چھ بجے تک ہسپتال میں رہنا پڑتا ہے۔"
            ),
        ),
    ],
    ("Organizational/Workflow disruption and scheduling/Unclear appointment protocols"): [
        (
            (
                "Sometimes the patient calls me directly, sometimes reception books a slot, "
                "and sometimes nobody books and the patient just turns up online."
            ),
            (
                "کبھی مریض سیدھا مجھے فون کر لیتا ہے، کبھی ریسیپشن والے وقت دیتے ہیں، اور "
                "کبھی کوئی بھی وقت نہیں دیتا اور مریض بس آن لائن آ جاتا ہے۔"
            ),
        ),
        (
            (
                "Nobody tells the patients what time their call is, so half of them miss it "
                "and the other half ring all day."
            ),
            (
                "مریضوں کو کوئی نہیں بتاتا کہ ان کی کال کس وقت ہے، اس لیے آدھے رہ جاتے ہیں "
                "اور باقی آدھے سارا دن فون کرتے رہتے ہیں۔"
            ),
        ),
        (
            (
                "There is no rule about which patient is suitable for {consult_kind} and "
                "who must come in. Each of us decides differently."
            ),
            (
                "اس بات کا کوئی اصول نہیں کہ کون سا مریض {consult_kind} کے لیے موزوں ہے اور "
                "کسے ہسپتال آنا چاہیے۔ ہم میں سے ہر کوئی الگ فیصلہ کرتا ہے۔"
            ),
        ),
        (
            (
                "Of the {patient_count} online appointments booked last month, I honestly "
                "cannot say how many happened, because nobody keeps track of no-shows."
            ),
            (
                "پچھلے مہینے بُک کی گئی {patient_count} آن لائن اپائنٹمنٹس میں سے کتنی "
                "واقعی ہوئیں، سچ پوچھیں تو مجھے نہیں معلوم، کیونکہ نہ آنے والوں کا کوئی "
                "حساب نہیں رکھتا۔"
            ),
        ),
        (
            (
                "If a video patient needs to be seen in person, there is no route back. I "
                "just write 'come to the OPD' and hope for the best."
            ),
            (
                "اگر ویڈیو والے مریض کو ہسپتال آ کر دکھانا ضروری ہو تو واپس لانے کا کوئی "
                "طریقہ نہیں۔ بس لکھ دیا جاتا ہے کہ او پی ڈی آ جائیں، اور باقی اللہ پر۔"
            ),
        ),
    ],
    ("Organizational/Workflow disruption and scheduling/Clashes with in-person clinics"): [
        (
            (
                "There are {patient_count} patients outside my door and the screen is "
                "ringing. Who do I see first?"
            ),
            (
                "دروازے کے باہر {patient_count} مریض بیٹھے ہیں اور اسکرین پر گھنٹی بج رہی "
                "ہے۔ پہلے کسے دیکھوں؟"
            ),
        ),
        (
            (
                "I was halfway through the ward round when my phone said the video patient "
                "had been waiting for {duration}."
            ),
            (
                "وارڈ راؤنڈ آدھا ہی ہوا تھا کہ فون پر پیغام آیا کہ ویڈیو والا مریض "
                "{duration} سے انتظار کر رہا ہے۔"
            ),
        ),
        (
            (
                "The patient sitting in front of me watches me talk to a screen and feels "
                "ignored, and honestly the patient is right."
            ),
            (
                "سامنے بیٹھا مریض مجھے اسکرین سے بات کرتے دیکھتا ہے اور خود کو نظرانداز "
                "محسوس کرتا ہے، اور سچ یہ ہے کہ وہ ٹھیک ہی محسوس کرتا ہے۔"
            ),
        ),
        (
            (
                "The video clinic is timed for exactly when {department} is busiest, so one "
                "of the two always suffers."
            ),
            (
                "ویڈیو کلینک کا وقت عین وہی رکھا گیا ہے جب {department} میں سب سے زیادہ رش "
                "ہوتا ہے، اس لیے دونوں میں سے ایک کا نقصان ضرور ہوتا ہے۔"
            ),
        ),
        (
            (
                "I have to leave a patient half-examined to answer a video call, and when I "
                "come back I have forgotten where I was."
            ),
            (
                "ویڈیو کال سننے کے لیے مریض کا معائنہ ادھورا چھوڑنا پڑتا ہے، اور واپس آؤں "
                "تو یاد ہی نہیں رہتا کہ بات کہاں تک پہنچی تھی۔"
            ),
        ),
    ],
    # -- Personal --------------------------------------------------------------------------------
    "Personal/Digital illiteracy/Low confidence with technology": [
        (
            (
                "Every time I open it, my heart beats a little faster, in case I delete "
                "something by mistake."
            ),
            (
                "جب بھی اسے کھولوں، دل تھوڑا تیز دھڑکنے لگتا ہے کہ کہیں غلطی سے کچھ ڈیلیٹ "
                "نہ ہو جائے۔"
            ),
        ),
        (
            (
                "I can handle a collapsing patient in the emergency without panic, but "
                "{platform} makes me feel like a fool."
            ),
            (
                "ایمرجنسی میں بگڑتے ہوئے مریض کو سنبھالنا تو بغیر گھبراہٹ کے ہو جاتا ہے، "
                "لیکن {platform} کے سامنے اپنا آپ بے وقوف لگتا ہے۔"
            ),
        ),
        (
            (
                "Honestly, I avoid the video clinic whenever I can. I prefer a phone call, "
                "because at least I know how a phone works."
            ),
            (
                "سچ کہوں تو جہاں تک ہو سکے ویڈیو کلینک سے بچنے کی کوشش رہتی ہے۔ میری ترجیح "
                "فون کال ہوتی ہے، کیونکہ کم از کم فون چلانا تو آتا ہے۔"
            ),
        ),
        (
            (
                "It is embarrassing when the patient has to tell me which button to press "
                "to turn on my own camera."
            ),
            (
                "بڑی شرمندگی ہوتی ہے جب مریض کو مجھے بتانا پڑے کہ اپنا ہی کیمرہ آن کرنے کے "
                "لیے کون سا بٹن دبانا ہے۔"
            ),
        ),
        (
            (
                "When something unexpected pops up on the screen, my mind goes blank, and I "
                "would rather close it and wait for {colleague} to come."
            ),
            (
                "اسکرین پر کچھ غیر متوقع آ جائے تو میرے ہاتھ پاؤں پھول جاتے ہیں، اور جی "
                "چاہتا ہے کہ اسے بند کر کے {colleague} کے آنے کا انتظار کیا جائے۔"
            ),
        ),
    ],
    "Personal/Digital illiteracy/Generational divide": [
        (
            ("The young ones grew up with phones in their hands. For us it is a second language."),
            ("نوجوان تو ہاتھوں میں فون لے کر بڑے ہوئے ہیں۔ ہمارے لیے یہ ایک دوسری زبان کی طرح ہے۔"),
        ),
        (
            (
                "This whole system feels as if it belongs to a younger generation. At my "
                "age, I am just not comfortable with it."
            ),
            (
                "یہ سارا نظام ایسا لگتا ہے جیسے نئی نسل کے لیے بنا ہو۔ میری عمر میں اس کے "
                "ساتھ بس دل نہیں لگتا۔"
            ),
        ),
        (
            (
                "The senior consultants simply do not log in. In the end the house officers "
                "run the whole video clinic for them."
            ),
            (
                "سینئر کنسلٹنٹ سرے سے لاگ اِن ہی نہیں کرتے۔ آخر میں سارا ویڈیو کلینک ان کی "
                "جگہ ہاؤس آفیسر چلاتے ہیں۔"
            ),
        ),
        (
            (
                "I am the youngest person in the unit, so every online consultation somehow "
                "ends up on my desk."
            ),
            (
                "یونٹ میں سب سے کم عمر میری ہے، اس لیے ہر آن لائن مشاورت کسی نہ کسی طرح "
                "میری میز پر آ جاتی ہے۔"
            ),
        ),
        (
            (
                "My generation learned from books and at the bedside. Asking us to learn "
                "apps at fifty is a different thing altogether."
            ),
            (
                "ہماری نسل نے کتابوں سے اور مریض کے سرہانے کھڑے ہو کر سیکھا۔ پچاس سال کی "
                "عمر میں ہم سے ایپس سیکھنے کو کہنا بالکل الگ بات ہے۔"
            ),
        ),
    ],
    "Personal/Digital illiteracy/Patients' limited digital skills": [
        (
            (
                "The uncle could not find the camera button, so for {duration} I was "
                "looking at his ceiling fan."
            ),
            (
                "انکل کو کیمرے کا بٹن نہیں ملا، تو {duration} تک مجھے ان کے چھت کے پنکھے کا "
                "نظارہ کرنا پڑا۔"
            ),
        ),
        (
            (
                "Most of my patients cannot open a link. A son in Dubai or a grandchild has "
                "to set up the call for them."
            ),
            (
                "میرے زیادہ تر مریض لنک نہیں کھول سکتے۔ ان کے لیے کال دبئی میں بیٹھا بیٹا "
                "یا کوئی پوتا پوتی ملاتا ہے۔"
            ),
        ),
        (
            (
                "The instructions go out as a text message, but many patients cannot read, "
                "so the message just sits there unopened."
            ),
            (
                "ہدایات پیغام کی صورت میں بھیج دی جاتی ہیں، لیکن بہت سے مریض پڑھ نہیں سکتے، "
                "اس لیے پیغام بغیر کھلے پڑا رہتا ہے۔"
            ),
        ),
        (
            (
                "With {patient}, the camera pointed at the floor for the whole "
                "consultation, and nobody at home knew how to turn it round."
            ),
            (
                "{patient} کے ساتھ پوری مشاورت میں کیمرہ فرش کی طرف رہا، اور گھر میں کسی کو "
                "پتا نہیں تھا کہ اسے کیسے گھمائیں۔"
            ),
        ),
        (
            (
                "Older patients press the red button instead of the green one, and the call "
                "ends before it starts. We try {number_of_times} and then give up."
            ),
            (
                "بزرگ مریض ہرے کی بجائے لال بٹن دبا دیتے ہیں، اور کال شروع ہونے سے پہلے ہی "
                "ختم ہو جاتی ہے۔ ہم {number_of_times} کوشش کرتے ہیں اور پھر ہار مان لیتے "
                "ہیں۔"
            ),
        ),
        (
            (
                "The patient could not work the phone at all, so {relative} held it and "
                "repeated every question into her ear."
            ),
            (
                "مریضہ کو فون چلانا بالکل نہیں آتا تھا، اس لیے {relative} نے فون پکڑا اور "
                "ہر سوال اس کے کان میں دہرایا۔"
            ),
        ),
    ],
    ("Personal/Emotional resistance and loss of the human touch/Missing physical examination"): [
        (
            "My hands are half of my diagnosis. On video my hands have nothing to do.",
            (
                "میری تشخیص کا آدھا حصہ میرے ہاتھ ہیں۔ ویڈیو پر میرے ہاتھوں کے پاس کرنے کو "
                "کچھ نہیں ہوتا۔"
            ),
        ),
        (
            (
                "I miss the stethoscope. Listening to the chest is not a formality for me; "
                "it is how I get to know the patient."
            ),
            (
                "مجھے اسٹیتھو اسکوپ کی کمی محسوس ہوتی ہے۔ سینہ سننا میرے لیے رسمی کارروائی "
                "نہیں؛ یہ مریض کو جاننے کا میرا طریقہ ہے۔"
            ),
        ),
        (
            (
                "Without feeling the abdomen, a consultation feels incomplete to me, as if "
                "I had stopped halfway through."
            ),
            (
                "پیٹ کو ہاتھ لگا کر دیکھے بغیر مشاورت مجھے ادھوری لگتی ہے، جیسے بیچ میں ہی "
                "چھوڑ دی ہو۔"
            ),
        ),
        (
            (
                "In my work, touch is everything. Watching a knee move on a screen is like "
                "reading about food instead of eating it."
            ),
            (
                "میرے کام میں چھونا ہی سب کچھ ہے۔ اسکرین پر گھٹنے کو حرکت کرتے دیکھنا ایسا "
                "ہی ہے جیسے کھانا کھانے کے بجائے اس کے بارے میں پڑھا جائے۔"
            ),
        ),
        (
            (
                "The smell of an infected wound, the warmth of the skin, the grip of a "
                "hand: none of it comes through the phone, and I miss it."
            ),
            (
                "متاثرہ زخم کی بو، جلد کی گرمی، ہاتھ کی گرفت: ان میں سے کچھ بھی فون کے "
                "ذریعے نہیں پہنچتا، اور مجھے اس کی کمی کھلتی ہے۔"
            ),
        ),
    ],
    ("Personal/Emotional resistance and loss of the human touch/Loss of rapport and empathy"): [
        (
            (
                "I told a mother over a screen that her child needed surgery. I could not "
                "even put a hand on her shoulder."
            ),
            (
                "میں نے اسکرین پر ایک ماں کو بتایا کہ اس کے بچے کا آپریشن ہونا ہے۔ اس کے "
                "کندھے پر ہاتھ رکھنا تک ممکن نہیں تھا۔"
            ),
        ),
        (
            (
                "On video the patients feel far away. I cannot read their faces, and I do "
                "not think they can read mine."
            ),
            (
                "ویڈیو پر مریض بہت دور محسوس ہوتے ہیں۔ ان کے چہرے پڑھے نہیں جاتے، اور میرا "
                "خیال ہے وہ بھی میرا چہرہ نہیں پڑھ پاتے۔"
            ),
        ),
        (
            (
                "There is no eye contact on a call. You look either at the camera or at the "
                "face, never both, and the warmth goes."
            ),
            (
                "کال پر آنکھوں سے آنکھیں نہیں ملتیں۔ یا تو کیمرے کی طرف دیکھو یا چہرے کی "
                "طرف، دونوں ایک ساتھ کبھی نہیں، اور اپنائیت ختم ہو جاتی ہے۔"
            ),
        ),
        (
            (
                "With {patient} I had built up trust over many visits. On the phone it felt "
                "like talking to a stranger."
            ),
            (
                "{patient} کے ساتھ کئی ملاقاتوں میں اعتماد کا رشتہ بنا تھا۔ فون پر ایسا لگا "
                "جیسے کسی اجنبی سے بات ہو رہی ہو۔"
            ),
        ),
        (
            (
                "Comforting someone who is crying, through a cracked phone screen, is one "
                "of the hardest things this job has ever asked of me."
            ),
            (
                "ٹوٹی ہوئی فون اسکرین کے ذریعے کسی روتے ہوئے انسان کو تسلی دینا اس نوکری کے "
                "مشکل ترین کاموں میں سے ایک ہے۔"
            ),
        ),
    ],
    (
        "Personal/Emotional resistance and loss of the human touch/Doubts that "
        "virtual care is real care"
    ): [
        (
            (
                "Sometimes it feels less like treating patients and more like a call-centre "
                "job that happens to need a degree."
            ),
            ("کبھی کبھی لگتا ہے کہ یہ علاج نہیں، کال سینٹر کی نوکری ہے جس کے لیے بس ڈگری چاہیے۔"),
        ),
        (
            (
                "A phone consultation is a formality, not medicine. We tick a box and the "
                "patient goes to a real clinic anyway."
            ),
            (
                "فون پر مشاورت ایک رسمی کارروائی ہے، علاج نہیں۔ ہم ایک خانے پر نشان لگاتے "
                "ہیں اور مریض پھر بھی اصل کلینک چلا جاتا ہے۔"
            ),
        ),
        (
            (
                "Colleagues joke that the telemedicine people are not real doctors, and "
                "some days I half believe them."
            ),
            (
                "ساتھی مذاق اڑاتے ہیں کہ ٹیلی میڈیسن والے اصل ڈاکٹر نہیں ہوتے، اور کسی کسی "
                "دن مجھے بھی ان کی بات آدھی سچ لگتی ہے۔"
            ),
        ),
        (
            (
                "I did not train for years to become a voice on a phone line. On these "
                "calls it feels as if my profession has shrunk."
            ),
            (
                "میں نے برسوں کی تربیت فون لائن پر ایک آواز بننے کے لیے نہیں لی تھی۔ ان "
                "کالوں پر لگتا ہے جیسے میرا پیشہ چھوٹا ہو گیا ہو۔"
            ),
        ),
        (
            (
                "Second-class care for second-class patients: that is how online "
                "consultations are seen, even by the people who do them."
            ),
            (
                "دوسرے درجے کے مریضوں کے لیے دوسرے درجے کا علاج: آن لائن مشاورت کو یہی "
                "سمجھا جاتا ہے، خود ان لوگوں کی طرف سے بھی جو یہ کرتے ہیں۔"
            ),
        ),
    ],
    "Personal/Trust/Doubts about remote diagnostic accuracy": [
        (
            (
                "On video it looked like a simple viral rash. When the girl came in, it "
                "turned out to be measles."
            ),
            ("ویڈیو پر یہ عام سے وائرل دانے لگ رہے تھے۔ جب بچی ہسپتال آئی تو پتا چلا کہ خسرہ ہے۔"),
        ),
        (
            (
                "The patient says the swelling is better, but there is no way to check, so "
                "I end up ordering extra tests just to be sure."
            ),
            (
                "مریض کہتا ہے کہ سوجن کم ہے، لیکن خود جانچنے کا کوئی طریقہ نہیں، اس لیے "
                "تسلی کے لیے اضافی ٹیسٹ لکھنے پڑتے ہیں۔"
            ),
        ),
        (
            (
                "I nearly missed an appendicitis on a video call. Since then I ask almost "
                "everyone to come in and confirm."
            ),
            (
                "ایک ویڈیو کال پر اپینڈکس کی سوزش مجھ سے تقریباً رہ گئی تھی۔ تب سے تقریباً "
                "ہر کسی کو تصدیق کے لیے ہسپتال بلا لیا جاتا ہے۔"
            ),
        ),
        (
            (
                "Blood pressure readings from home machines are all over the place. How can "
                "I adjust treatment on numbers I do not trust?"
            ),
            (
                "گھر کی مشینوں سے لی گئی بلڈ پریشر کی ریڈنگز کا کوئی اعتبار نہیں۔ جن نمبروں "
                "پر بھروسہ ہی نہ ہو، ان پر علاج کیسے بدلا جائے؟"
            ),
        ),
        (
            (
                "On video, {patient} seemed completely stable, and {days_waited} later had "
                "to be admitted through the emergency."
            ),
            (
                "ویڈیو پر {patient} کی حالت بالکل ٹھیک لگ رہی تھی، اور {days_waited} بعد "
                "مریض کو ایمرجنسی سے داخل کرنا پڑا۔"
            ),
        ),
    ],
    "Personal/Trust/Patients' scepticism of remote care": [
        (
            (
                "The patient said: you did not even check my pulse, so on what basis are "
                "you giving me medicine?"
            ),
            ("مریض نے کہا: آپ نے میری نبض تک نہیں دیکھی، پھر دوائی کس بنیاد پر دی جا رہی ہے؟"),
        ),
        (
            ("Many families would rather travel all day from {place} than trust a phone call."),
            (
                "بہت سے گھرانے فون کال پر بھروسہ کرنے کے بجائے {place} سے سارا دن سفر کر کے "
                "آنا پسند کرتے ہیں۔"
            ),
        ),
        (
            (
                "Patients ask me whether anyone can really tell what is wrong with them "
                "through this thing."
            ),
            (
                "مریض مجھ سے پوچھتے ہیں کہ کیا واقعی اس چیز کے ذریعے کسی کو پتا چل سکتا ہے "
                "کہ انہیں مسئلہ کیا ہے۔"
            ),
        ),
        (
            (
                "After the video call, {patient} went straight to the private clinic down "
                "the road for a proper check-up."
            ),
            (
                "ویڈیو کال کے بعد {patient} نے ٹھیک سے معائنہ کروانے کے لیے سیدھا قریب کے "
                "پرائیویٹ کلینک کا رخ کیا۔"
            ),
        ),
        (
            (
                "For many patients, advice over the phone does not count. They nod, and "
                "then they go and ask the chemist anyway."
            ),
            (
                "بہت سے مریضوں کے لیے فون پر دیا گیا مشورہ کوئی حیثیت نہیں رکھتا۔ سر ہلا "
                "دیتے ہیں، اور پھر جا کر ویسے بھی کیمسٹ سے پوچھ لیتے ہیں۔"
            ),
        ),
    ],
    "Personal/Trust/Suspicion of management motives": [
        (
            "They say it is for the patients. I think it is for the annual report.",
            "کہتے ہیں یہ مریضوں کے لیے ہے۔ میرے خیال میں یہ سالانہ رپورٹ کے لیے ہے۔",
        ),
        (
            (
                "Every call is logged with its time and length. I am not sure whether that "
                "is for quality or for keeping an eye on us."
            ),
            (
                "ہر کال کا وقت اور دورانیہ ریکارڈ ہوتا ہے۔ مجھے یقین نہیں کہ یہ معیار کے "
                "لیے ہے یا ہم پر نظر رکھنے کے لیے۔"
            ),
        ),
        (
            (
                "Some of us suspect that once telemedicine is running, it will become the "
                "excuse for not filling the vacant posts."
            ),
            (
                "ہم میں سے کچھ لوگوں کو شک ہے کہ جب ٹیلی میڈیسن چل پڑی تو اسے خالی آسامیاں "
                "نہ بھرنے کا بہانہ بنایا جائے گا۔"
            ),
        ),
        (
            (
                "The donors visited in {month} and suddenly the telemedicine figures were "
                "everywhere. It is a showpiece, not a service."
            ),
            (
                "{month} میں ڈونرز آئے تو اچانک ہر جگہ ٹیلی میڈیسن کے اعداد و شمار نظر آنے "
                "لگے۔ یہ ایک دکھاوا ہے، سروس نہیں۔"
            ),
        ),
        (
            (
                "Whenever management praises telemedicine, I ask myself whose money is "
                "being saved, and it is never the patient's."
            ),
            (
                "جب بھی انتظامیہ ٹیلی میڈیسن کی تعریف کرتی ہے، میرے ذہن میں سوال آتا ہے کہ "
                "پیسہ کس کا بچ رہا ہے، اور وہ کبھی مریض کا نہیں ہوتا۔"
            ),
        ),
    ],
}


# Uncoded talk: background, daily routine, ward stories, hedges.
NEUTRAL_PAIRS: list[Pair] = [
    (
        (
            "I have worked in {department} for most of my career, and before that I was "
            "in a district hospital."
        ),
        (
            "میرے کیریئر کا زیادہ تر حصہ {department} میں گزرا ہے، اور اس سے پہلے ایک "
            "ڈسٹرکٹ ہسپتال میں۔"
        ),
    ),
    (
        (
            "My day usually starts at eight with the ward round, and then the OPD, "
            "which goes on until about two."
        ),
        (
            "میرا دن عموماً آٹھ بجے وارڈ راؤنڈ سے شروع ہوتا ہے، پھر او پی ڈی، جو "
            "تقریباً دو بجے تک چلتی ہے۔"
        ),
    ),
    (
        (
            "Most of our patients come from outside the city; this week alone we had "
            "people from {place}."
        ),
        ("ہمارے زیادہ تر مریض شہر سے باہر سے آتے ہیں؛ صرف اسی ہفتے {place} سے بھی لوگ آئے۔"),
    ),
    (
        "That is a fair question. Let me think about it for a moment.",
        "یہ مناسب سوال ہے۔ ایک لمحہ سوچنے دیجیے۔",
    ),
    (
        "It is hard to say for sure. It probably depends on the day.",
        "یقین سے کہنا مشکل ہے۔ شاید یہ دن پر منحصر ہے۔",
    ),
    (
        (
            "On paper our unit has {patient_count} beds, but in winter we often have "
            "more patients than that."
        ),
        (
            "کاغذ پر ہمارے یونٹ میں {patient_count} بستر ہیں، لیکن سردیوں میں اکثر اس "
            "سے زیادہ مریض ہوتے ہیں۔"
        ),
    ),
    (
        (
            "We mostly see diabetes, hypertension, chest infections and a lot of "
            "follow-up after surgery."
        ),
        (
            "ہمارے پاس زیادہ تر شوگر، بلڈ پریشر اور سینے کے انفیکشن کے مریض آتے ہیں، "
            "اور آپریشن کے بعد کے فالو اپ والے بھی بہت ہوتے ہیں۔"
        ),
    ),
    (
        ("Let me give you an example from last {month}, when the ward was completely full."),
        "ایک مثال سنیے، پچھلے {month} کی بات ہے جب وارڈ بالکل بھرا ہوا تھا۔",
    ),
    (
        ("It was a very busy week. We had three admissions from road accidents on the same night."),
        "وہ بہت مصروف ہفتہ تھا۔ ایک ہی رات میں سڑک کے حادثوں کے تین مریض داخل ہوئے۔",
    ),
    (
        ("I qualified quite a while ago, and I have been at this hospital for some years now."),
        ("مجھے ڈگری لیے کافی عرصہ ہو گیا ہے، اور اس ہسپتال میں بھی اب کئی سال ہو گئے ہیں۔"),
    ),
    (
        (
            "The morning starts with handover from the night staff, which often takes "
            "longer than it should."
        ),
        (
            "صبح کا آغاز رات کے عملے سے ہینڈ اوور لینے سے ہوتا ہے، جس میں اکثر ضرورت سے "
            "زیادہ وقت لگ جاتا ہے۔"
        ),
    ),
    (
        (
            "In summer the waiting area is very hot, and patients sit there from early "
            "in the morning."
        ),
        ("گرمیوں میں انتظار گاہ بہت گرم ہوتی ہے، اور مریض صبح سویرے سے وہاں بیٹھے ہوتے ہیں۔"),
    ),
    (
        (
            "I would not say it is all bad or all good. Like most things here, it is "
            "somewhere in the middle."
        ),
        (
            "یہ نہیں کہا جا سکتا کہ سب کچھ برا ہے یا سب کچھ اچھا۔ یہاں کی زیادہ تر "
            "چیزوں کی طرح یہ بھی کہیں بیچ میں ہے۔"
        ),
    ),
    (
        (
            "I remember {patient}, who came every month and always brought a small bag "
            "of oranges for the nurses."
        ),
        (
            "مجھے {patient} کی یاد آتی ہے، جن کی طرف سے ہر مہینے نرسوں کے لیے مالٹوں کا "
            "ایک چھوٹا سا تھیلا آتا تھا۔"
        ),
    ),
    (
        ("Let me put it this way: every day is different, but the pressure is always the same."),
        "یوں سمجھیے کہ ہر دن الگ ہوتا ہے، لیکن دباؤ ہمیشہ ایک جیسا رہتا ہے۔",
    ),
    (
        ("We have a good team in {department}. When someone is ill, people cover for each other."),
        (
            "{department} میں ہماری ٹیم اچھی ہے۔ کوئی بیمار ہو تو لوگ ایک دوسرے کا کام "
            "سنبھال لیتے ہیں۔"
        ),
    ),
    (
        ("Before this job I also worked in a private clinic in the evenings for a while."),
        ("اس نوکری سے پہلے میں نے کچھ عرصہ شام کو ایک پرائیویٹ کلینک میں بھی کام کیا۔"),
    ),
    (
        "It is hard to say. Maybe other people would answer differently.",
        "کہنا مشکل ہے۔ ہو سکتا ہے دوسرے لوگ اس کا جواب مختلف دیں۔",
    ),
    (
        "The OPD is most crowded on Mondays, after the weekend.",
        "ہفتہ وار چھٹی کے بعد پیر کے دن او پی ڈی میں سب سے زیادہ رش ہوتا ہے۔",
    ),
    (
        (
            "Our patients are mostly poor people who have travelled a long way and "
            "cannot afford to come back often."
        ),
        (
            "ہمارے مریض زیادہ تر غریب لوگ ہیں جو لمبا سفر کر کے آتے ہیں اور بار بار آنے "
            "کا خرچ برداشت نہیں کر سکتے۔"
        ),
    ),
    (
        ("In {month} we had a dengue outbreak, and everything else stopped for a few weeks."),
        ("{month} میں ڈینگی پھیلا ہوا تھا، اور کچھ ہفتوں کے لیے باقی سب کچھ رک گیا تھا۔"),
    ),
    (
        ("During COVID everything changed overnight. We were on duty for days without going home."),
        ("کووڈ کے دوران راتوں رات سب کچھ بدل گیا۔ ہم کئی کئی دن گھر جائے بغیر ڈیوٹی پر رہے۔"),
    ),
    (
        (
            "I also teach the students who rotate through {department}, so part of my "
            "day goes on that."
        ),
        (
            "{department} میں آنے والے طلبہ کو پڑھانا بھی میری ذمہ داری ہے، اس لیے دن "
            "کا کچھ حصہ اس میں بھی جاتا ہے۔"
        ),
    ),
    (
        "Yes, I see what you mean. I had not thought about it in that way before.",
        "جی، آپ کی بات سمجھ آ رہی ہے۔ اس پہلو سے پہلے کبھی سوچا نہیں تھا۔",
    ),
    (
        (
            "Well, it is complicated, and I do not want to give you a simple answer "
            "that turns out to be wrong."
        ),
        ("دیکھیں، معاملہ پیچیدہ ہے، اور کوئی ایسا سادہ جواب دینا ٹھیک نہیں جو بعد میں غلط نکلے۔"),
    ),
    (
        ("On a normal day I would see around {patient_count} patients, sometimes more."),
        ("عام دن میں تقریباً {patient_count} مریض دیکھنے ہوتے ہیں، کبھی کبھی اس سے بھی زیادہ۔"),
    ),
    (
        (
            "Last winter a boy came in with severe burns, and the whole ward was "
            "involved in his care for weeks."
        ),
        (
            "پچھلی سردیوں میں ایک لڑکا بری طرح جھلس کر آیا تھا، اور ہفتوں تک پورا وارڈ "
            "اس کی دیکھ بھال میں لگا رہا۔"
        ),
    ),
    (
        ("My family is from {place}, so I understand the circumstances of many of these patients."),
        (
            "میرا خاندان {place} سے ہے، اس لیے ان میں سے بہت سے مریضوں کے حالات مجھے "
            "اچھی طرح سمجھ آتے ہیں۔"
        ),
    ),
    (
        (
            "The night shifts are the hardest. There are fewer staff and the "
            "emergencies do not stop."
        ),
        ("رات کی شفٹیں سب سے مشکل ہوتی ہیں۔ عملہ کم ہوتا ہے اور ایمرجنسیاں رکتی نہیں۔"),
    ),
    (
        "I suppose I have got used to it over the years. You learn to manage.",
        "شاید برسوں میں اس کی عادت ہو گئی ہے۔ انسان گزارا کرنا سیکھ ہی لیتا ہے۔",
    ),
    (
        ("We have a tea break around eleven, if the OPD allows it, which is not very often."),
        ("گیارہ بجے کے قریب چائے کا وقفہ ہوتا ہے، اگر او پی ڈی اجازت دے، جو اکثر نہیں دیتی۔"),
    ),
    (
        "Since {colleague} left for a job abroad, we have been one person short.",
        "{colleague} کے بیرونِ ملک نوکری کے لیے جانے کے بعد سے ہم ایک بندہ کم ہیں۔",
    ),
    (
        ("It really depends on the patient. Some are very easy to talk to and some are not."),
        ("اصل میں یہ مریض پر منحصر ہے۔ کچھ سے بات کرنا بہت آسان ہوتا ہے اور کچھ سے نہیں۔"),
    ),
    (
        ("Mostly women and children come to us; the men usually come only when it is serious."),
        ("ہمارے پاس زیادہ تر خواتین اور بچے آتے ہیں؛ مرد عموماً تب ہی آتے ہیں جب معاملہ سنگین ہو۔"),
    ),
    (
        ("If I am honest, a lot of my time goes on paperwork, some days more than on patients."),
        (
            "سچ کہوں تو میرا کافی وقت کاغذی کارروائی میں جاتا ہے، کچھ دنوں میں تو "
            "مریضوں سے بھی زیادہ۔"
        ),
    ),
    (
        (
            "During Ramzan the timings change and the OPD finishes earlier, but the "
            "ward is just as busy."
        ),
        (
            "رمضان میں اوقات بدل جاتے ہیں اور او پی ڈی جلدی ختم ہو جاتی ہے، لیکن وارڈ "
            "میں کام اتنا ہی ہوتا ہے۔"
        ),
    ),
    (
        (
            "Let me think. Yes, I believe that was around {month}, but I may be wrong "
            "about the exact month."
        ),
        (
            "ذرا سوچنے دیں۔ جی، میرا خیال ہے یہ {month} کے آس پاس کی بات ہے، لیکن ٹھیک "
            "مہینے کے بارے میں غلطی بھی ہو سکتی ہے۔"
        ),
    ),
    (
        (
            "Once an old man left the ward against medical advice, because his buffalo "
            "was sick at home."
        ),
        (
            "ایک بار ایک بزرگ طبی مشورے کے خلاف وارڈ سے چلے گئے، کیونکہ گھر پر ان کی "
            "بھینس بیمار تھی۔"
        ),
    ),
    (
        (
            "We do a lot of counselling as well, especially for new mothers and for "
            "patients with diabetes."
        ),
        "ہم کافی کونسلنگ بھی کرتے ہیں، خاص طور پر نئی ماؤں اور شوگر کے مریضوں کی۔",
    ),
    (
        (
            "I should say that this is only my own experience. Other departments might "
            "be very different."
        ),
        (
            "یہ بتانا ضروری ہے کہ یہ صرف میرا اپنا تجربہ ہے۔ دوسرے شعبوں میں حالات بہت "
            "مختلف ہو سکتے ہیں۔"
        ),
    ),
    (
        (
            "The hospital has grown a lot in the last few years, but the number of "
            "staff has not grown with it."
        ),
        ("پچھلے چند سالوں میں ہسپتال بہت بڑھ گیا ہے، لیکن عملے کی تعداد اس حساب سے نہیں بڑھی۔"),
    ),
    (
        ("When I started, there were no computers on the ward at all, just registers and files."),
        (
            "جب میں نے کام شروع کیا تو وارڈ میں کمپیوٹر سرے سے تھے ہی نہیں، بس رجسٹر "
            "اور فائلیں تھیں۔"
        ),
    ),
    (
        (
            "I get home around four, and then there is the family, the children's "
            "homework, all of that."
        ),
        ("چار بجے کے قریب گھر پہنچنا ہوتا ہے، پھر گھر والے، بچوں کا ہوم ورک، یہ سب کچھ۔"),
    ),
    (
        (
            "Last week a patient came from {place}, and the whole family came with him, "
            "eleven people in the waiting room."
        ),
        (
            "پچھلے ہفتے {place} سے ایک مریض آیا اور اس کے ساتھ پورا خاندان آیا، انتظار "
            "گاہ میں گیارہ لوگ۔"
        ),
    ),
    (
        ("That is a difficult one. Let me try, but I may go round in circles a little."),
        "یہ مشکل سوال ہے۔ کوشش کرنے دیجیے، لیکن شاید بات تھوڑی گھما پھرا کر ہو۔",
    ),
    (
        (
            "Our consultant is very strict about starting the ward round on time, which "
            "I actually appreciate."
        ),
        (
            "ہمارے کنسلٹنٹ وارڈ راؤنڈ وقت پر شروع کرنے کے معاملے میں بہت سخت ہیں، اور "
            "سچ پوچھیں تو یہ بات مجھے اچھی لگتی ہے۔"
        ),
    ),
    (
        (
            "Some days are calm, and on some days you do not sit down once from morning "
            "till evening."
        ),
        ("کچھ دن سکون سے گزرتے ہیں، اور کچھ دن صبح سے شام تک ایک بار بھی بیٹھنا نصیب نہیں ہوتا۔"),
    ),
    (
        (
            "Most of the nurses on our floor have been here longer than I have, and "
            "they know every corner of the place."
        ),
        (
            "ہماری منزل کی زیادہ تر نرسیں مجھ سے پہلے سے یہاں ہیں، اور انہیں اس جگہ کا "
            "کونا کونا معلوم ہے۔"
        ),
    ),
    (
        (
            "I trained in a government hospital, so crowded wards and long queues are "
            "nothing new for me."
        ),
        (
            "میری تربیت ایک سرکاری ہسپتال میں ہوئی، اس لیے بھرے ہوئے وارڈ اور لمبی "
            "قطاریں میرے لیے کوئی نئی بات نہیں۔"
        ),
    ),
]


# What works well (uncoded: the codebook holds barriers only).
POSITIVE_PAIRS: list[Pair] = [
    (
        (
            "For follow-ups it is genuinely useful. A patient from {place} does not "
            "lose a whole day's wages just to show me a wound that has healed."
        ),
        (
            "فالو اپ کے لیے یہ واقعی فائدہ مند ہے۔ {place} کے مریض کو صرف بھرا ہوا زخم "
            "دکھانے کے لیے پورے دن کی دیہاڑی نہیں چھوڑنی پڑتی۔"
        ),
    ),
    (
        (
            "When it works, it works beautifully. Last {month} I did the follow-up for "
            "{patient} without the patient leaving home."
        ),
        (
            "جب یہ چلتا ہے تو بہت خوب چلتا ہے۔ پچھلے {month} {patient} کا فالو اپ گھر "
            "بیٹھے ہی ہو گیا، مریض کو آنا ہی نہیں پڑا۔"
        ),
    ),
    (
        (
            "Patients with mental health problems sometimes open up more on the phone, "
            "because nobody in the waiting room can see them."
        ),
        (
            "ذہنی صحت کے مسائل والے مریض کبھی کبھی فون پر زیادہ کھل کر بات کرتے ہیں، "
            "کیونکہ انتظار گاہ میں انہیں کوئی نہیں دیکھ رہا ہوتا۔"
        ),
    ),
    (
        (
            "The diabetes follow-ups on video have saved many elderly patients a long "
            "bus journey every month."
        ),
        (
            "ویڈیو پر شوگر کے فالو اپ کی وجہ سے بہت سے بزرگ مریض ہر مہینے کے لمبے بس کے "
            "سفر سے بچ گئے ہیں۔"
        ),
    ),
    (
        (
            "Once {colleague} showed me the shortcuts, the system became much quicker, "
            "and now it actually saves me time."
        ),
        (
            "جب {colleague} نے مجھے شارٹ کٹس دکھائے تو سسٹم کافی تیز ہو گیا، اور اب "
            "واقعی اس سے میرا وقت بچتا ہے۔"
        ),
    ),
    (
        (
            "During the floods it was the only way we could reach patients who had been "
            "moved to the camps."
        ),
        ("سیلاب کے دنوں میں کیمپوں میں منتقل کیے گئے مریضوں تک پہنچنے کا یہی واحد ذریعہ تھا۔"),
    ),
    (
        (
            "Getting a second opinion from a specialist in another city now takes one "
            "call instead of a referral letter and weeks of waiting."
        ),
        (
            "دوسرے شہر کے کسی ماہر سے دوسری رائے لینا اب ریفرل خط اور ہفتوں کے انتظار "
            "کے بجائے ایک کال کی بات ہے۔"
        ),
    ),
    (
        (
            "Women who cannot travel without a male relative can still get advice, and "
            "that matters a great deal here."
        ),
        (
            "جو خواتین کسی مرد رشتہ دار کے بغیر سفر نہیں کر سکتیں، انہیں بھی مشورہ مل "
            "جاتا ہے، اور یہاں یہ بہت بڑی بات ہے۔"
        ),
    ),
    (
        (
            "The new scheduling screen has really helped. I can see who is booked and "
            "when, all in one place."
        ),
        (
            "نئی شیڈولنگ اسکرین سے واقعی فائدہ ہوا ہے۔ کس کی بکنگ ہے اور کب، سب ایک ہی "
            "جگہ نظر آ جاتا ہے۔"
        ),
    ),
    (
        (
            "The IT person on the evening shift is excellent. If you call, the problem "
            "is usually fixed within {duration}."
        ),
        (
            "شام کی شفٹ والا آئی ٹی کا بندہ بہت اچھا ہے۔ فون کرو تو مسئلہ عموماً "
            "{duration} کے اندر حل ہو جاتا ہے۔"
        ),
    ),
    (
        (
            "Remote monitoring of blood sugar has caught a few problems early that we "
            "would otherwise have missed."
        ),
        ("بلڈ شوگر کی دور سے نگرانی نے کچھ مسائل وقت سے پہلے پکڑ لیے جو ورنہ ہم سے رہ جاتے۔"),
    ),
    (
        (
            "Post-operative checks by video work well. I can see the wound, the patient "
            "rests at home, and the ward beds stay free."
        ),
        (
            "آپریشن کے بعد ویڈیو پر معائنہ اچھا چلتا ہے۔ زخم نظر آ جاتا ہے، مریض گھر پر "
            "آرام کرتا ہے، اور وارڈ کے بستر خالی رہتے ہیں۔"
        ),
    ),
    (
        (
            "Patients are very grateful when they do not have to travel. Some of them "
            "send prayers and thanks in voice notes afterwards."
        ),
        (
            "جب مریضوں کو سفر نہیں کرنا پڑتا تو وہ بہت شکر گزار ہوتے ہیں۔ کچھ تو بعد "
            "میں وائس نوٹ میں دعائیں اور شکریہ بھیجتے ہیں۔"
        ),
    ),
    (
        (
            "Team meetings on video are a real improvement. We can discuss a case with "
            "the district hospital without anyone travelling."
        ),
        (
            "ویڈیو پر ٹیم میٹنگز واقعی ایک بہتری ہیں۔ کسی کے سفر کیے بغیر ڈسٹرکٹ ہسپتال "
            "کے ساتھ کیس پر بات ہو جاتی ہے۔"
        ),
    ),
]


# Interviewer probes, follow-ups and transitions, usable as a turn on their own.
INTERVIEWER_PAIRS: list[Pair] = [
    (
        "Can you tell me more about that?",
        "اس کے بارے میں کچھ اور بتائیے؟",
    ),
    (
        "What happened next?",
        "پھر اس کے بعد کیا ہوا؟",
    ),
    (
        "How did that make you feel?",
        "اس پر آپ کو کیسا محسوس ہوا؟",
    ),
    (
        "Is there an example that comes to mind?",
        "کیا اس کی کوئی مثال ذہن میں ہے؟",
    ),
    (
        "You mentioned {platform} earlier. What is it like to use?",
        "آپ نے پہلے {platform} کا ذکر کیا تھا۔ اسے استعمال کرنا کیسا لگتا ہے؟",
    ),
    (
        "Why do you think that is?",
        "آپ کے خیال میں ایسا کیوں ہے؟",
    ),
    (
        "Was that a one-off, or does it happen often?",
        "کیا یہ ایک ہی بار ہوا تھا، یا اکثر ہوتا ہے؟",
    ),
    (
        "Who else was involved?",
        "اس میں اور کون کون شامل تھا؟",
    ),
    (
        "How did the patient react?",
        "مریض کا ردِعمل کیا تھا؟",
    ),
    (
        "What did you do then?",
        "پھر آپ نے کیا کیا؟",
    ),
    (
        ("Thank you, that is very helpful. I would like to move on to a different area now."),
        "شکریہ، یہ بہت مفید ہے۔ اب ایک الگ موضوع کی طرف چلتے ہیں۔",
    ),
    (
        "Let us talk a little about the technology itself.",
        "اب تھوڑی بات خود ٹیکنالوجی کے بارے میں کرتے ہیں۔",
    ),
    (
        "I would now like to ask you about training and support.",
        "اب تربیت اور معاونت کے بارے میں کچھ پوچھنا ہے۔",
    ),
    (
        "Now a few questions about how all this feels to you personally.",
        "اب کچھ سوال اس بارے میں کہ ذاتی طور پر آپ کو یہ سب کیسا لگتا ہے۔",
    ),
    (
        "You said it is difficult. What exactly do you mean by that?",
        "آپ نے کہا کہ یہ مشکل ہے۔ اس سے آپ کی مراد کیا ہے؟",
    ),
    (
        "Is it the same for your colleagues, or is it different for them?",
        "کیا آپ کے ساتھیوں کے ساتھ بھی ایسا ہی ہے، یا ان کا تجربہ مختلف ہے؟",
    ),
    (
        "Take your time.",
        "آرام سے، کوئی جلدی نہیں۔",
    ),
    (
        "That sounds frustrating. How often does that happen?",
        "یہ تو کافی جھنجھلا دینے والی بات لگتی ہے۔ ایسا کتنی بار ہوتا ہے؟",
    ),
    (
        "Has that changed since you started?",
        "جب سے آپ نے شروع کیا، کیا اس میں کوئی تبدیلی آئی ہے؟",
    ),
    (
        "What would have helped in that situation?",
        "اس صورتحال میں کس چیز سے مدد مل سکتی تھی؟",
    ),
    (
        ("You said earlier that things were different in {department}. Could you say a bit more?"),
        ("آپ نے پہلے کہا تھا کہ {department} میں حالات مختلف تھے۔ اس بارے میں تھوڑا اور بتائیے۔"),
    ),
    (
        "Just to check that I have understood: you mean nobody told you in advance?",
        "بس تصدیق کے لیے: آپ کا مطلب ہے کہ آپ کو پہلے سے کسی نے نہیں بتایا؟",
    ),
    (
        "And how did you deal with that?",
        "اور پھر آپ نے اس کا کیا حل نکالا؟",
    ),
    (
        "Is there anything else you would like to add on this?",
        "اس بارے میں کچھ اور کہنا ہو تو ضرور بتائیے۔",
    ),
    (
        "Could you say a little more about the patients' side of this?",
        ("اس معاملے میں مریضوں کی طرف سے کیا صورتحال ہے، اس پر تھوڑی اور روشنی ڈالیے۔"),
    ),
    (
        "In your experience, how common is that?",
        "آپ کے تجربے میں ایسا کتنا عام ہے؟",
    ),
    (
        "Let us go back to something you said at the beginning.",
        "چلیں، اس بات کی طرف واپس آتے ہیں جو آپ نے شروع میں کہی تھی۔",
    ),
    (
        "Mm-hm. Please go on.",
        "جی، جی۔ بات جاری رکھیے۔",
    ),
    (
        "We are almost at the end now, just one or two last questions.",
        "ہم تقریباً آخر تک پہنچ گئے ہیں، بس آخری ایک دو سوال۔",
    ),
    (
        "What did management say when you raised it?",
        "جب آپ نے یہ بات اٹھائی تو انتظامیہ نے کیا کہا؟",
    ),
]


# In order: greeting, consent reminder, recording notice, then extra reassurances.
OPENING_PAIRS: list[Pair] = [
    (
        "Assalam-o-alaikum, and thank you for making time for this interview today.",
        "السلام علیکم، آج اس انٹرویو کے لیے وقت نکالنے کا بہت شکریہ۔",
    ),
    (
        (
            "Before we begin, a reminder that taking part is voluntary: we can stop at "
            "any time, and you can skip any question."
        ),
        (
            "شروع کرنے سے پہلے یاد دہانی کے طور پر: اس میں حصہ لینا آپ کی اپنی مرضی پر "
            "ہے، انٹرویو کسی بھی وقت روکا جا سکتا ہے، اور کوئی بھی سوال چھوڑا جا سکتا "
            "ہے۔"
        ),
    ),
    (
        (
            "With your permission, I am starting the recording now. It will be used "
            "only for this study."
        ),
        ("آپ کی اجازت سے اب ریکارڈنگ شروع کی جا رہی ہے۔ یہ صرف اسی تحقیق کے لیے استعمال ہو گی۔"),
    ),
    (
        "Your name will not appear anywhere in the transcript or in any report.",
        "آپ کا نام ٹرانسکرپٹ یا کسی بھی رپورٹ میں کہیں نہیں آئے گا۔",
    ),
    (
        ("There are no right or wrong answers; we are interested in your own experience."),
        "کوئی جواب صحیح یا غلط نہیں ہے؛ ہماری دلچسپی آپ کے اپنے تجربے میں ہے۔",
    ),
]


# CLOSING_PAIRS[0] is a complete closing line on its own.
CLOSING_PAIRS: list[Pair] = [
    (
        (
            "That brings us to the end. Thank you very much for your time and for "
            "speaking so openly."
        ),
        "ہم آخر تک پہنچ گئے ہیں۔ آپ کے وقت اور کھل کر بات کرنے کا بہت بہت شکریہ۔",
    ),
    (
        "I am going to stop the recording now.",
        "اب ریکارڈنگ بند کی جا رہی ہے۔",
    ),
    (
        ("If anything else comes to mind later, you have my number; please call at any time."),
        ("اگر بعد میں کوئی اور بات یاد آئے تو میرا نمبر آپ کے پاس ہے، کسی بھی وقت فون کیجیے۔"),
    ),
    (
        "Allah Hafiz, and thank you once again.",
        "اللہ حافظ، اور ایک بار پھر شکریہ۔",
    ),
]


# The guide's domain names (keys as in the template).
DOMAIN_UR: dict[str, str] = {
    "Opening": "آغاز",
    "Systemic": "نظامی پہلو",
    "Technological": "تکنیکی پہلو",
    "Organizational": "ادارہ جاتی پہلو",
    "Personal": "ذاتی پہلو",
    "Closing": "اختتام",
}


# Every guide question of the template, keyed by its English text.
GUIDE_UR: dict[str, str] = {
    "Could you tell me a little about your work here and what a typical day looks like for you?": (
        "ذرا اپنے یہاں کے کام کے بارے میں کچھ بتائیے، اور یہ بھی کہ آپ کا ایک عام دن کیسا گزرتا ہے؟"
    ),
    "How did telemedicine first come into your work?": (
        "ٹیلی میڈیسن پہلی بار آپ کے کام میں کیسے شامل ہوئی؟"
    ),
    "Can you walk me through the last remote consultation you did, from start to finish?": (
        "آپ نے جو آخری آن لائن مشاورت کی تھی، اس کے بارے میں شروع سے آخر تک ذرا تفصیل سے بتائیے۔"
    ),
    "What rules or guidelines, if any, tell you how telemedicine should be done where you work?": (
        "آپ کے ادارے میں ٹیلی میڈیسن کیسے کی جانی چاہیے، اس بارے میں کون سے اصول یا "
        "رہنما ہدایات موجود ہیں، اگر کوئی ہیں؟"
    ),
    "How is telemedicine paid for in your facility?": (
        "آپ کے ادارے میں ٹیلی میڈیسن کا خرچ کیسے پورا کیا جاتا ہے؟"
    ),
    (
        "How do you think about patient privacy and your own responsibility when "
        "care happens at a distance?"
    ): (
        "جب علاج دور سے ہو رہا ہو تو مریض کی رازداری اور اپنی ذمہ داری کے بارے میں "
        "آپ کی سوچ کیا ہے؟"
    ),
    "Tell me about the software and equipment you use for remote consultations.": (
        "آن لائن مشاورت کے لیے آپ کے زیرِ استعمال سافٹ ویئر اور آلات کے بارے میں بتائیے۔"
    ),
    "How reliable is the connection, on your side and on the patient's side?": (
        "کنکشن کتنا قابلِ بھروسہ ہوتا ہے، آپ کی طرف بھی اور مریض کی طرف بھی؟"
    ),
    (
        "How does the telemedicine system fit with the other systems you use, such "
        "as records, the lab or the pharmacy?"
    ): (
        "ٹیلی میڈیسن کا نظام آپ کے زیرِ استعمال دوسرے نظاموں، جیسے ریکارڈ، لیب یا "
        "فارمیسی، کے ساتھ کس حد تک ہم آہنگ ہے؟"
    ),
    "What training or preparation did you receive before you started?": (
        "شروع کرنے سے پہلے آپ کو کیا تربیت یا تیاری کروائی گئی؟"
    ),
    "When something goes wrong, who do you turn to for help?": (
        "جب کچھ گڑبڑ ہو جائے تو مدد کے لیے آپ کا رابطہ کس سے ہوتا ہے؟"
    ),
    "How has telemedicine changed the way your day is organised?": (
        "ٹیلی میڈیسن نے آپ کے دن کی ترتیب کو کیسے بدلا ہے؟"
    ),
    "How comfortable do you feel with the technology yourself?": (
        "آپ کو خود ٹیکنالوجی کے استعمال میں کتنی آسانی محسوس ہوتی ہے؟"
    ),
    "How does a remote consultation feel compared with seeing a patient in person?": (
        "مریض کو سامنے بٹھا کر دیکھنے کے مقابلے میں آن لائن مشاورت کیسی محسوس ہوتی ہے؟"
    ),
    "How far do you trust what you see and hear in a remote consultation?": (
        "آن لائن مشاورت میں جو کچھ نظر آتا اور سنائی دیتا ہے، اس پر آپ کو کس حد تک بھروسہ ہوتا ہے؟"
    ),
    "If you could change one thing to make telemedicine work better here, what would it be?": (
        "اگر یہاں ٹیلی میڈیسن کو بہتر بنانے کے لیے آپ کے اختیار میں ایک چیز بدلنا "
        "ہو، تو وہ کیا ہو گی؟"
    ),
    "Is there anything we have not talked about that you think is important?": (
        "کیا کوئی ایسی بات ہے جس پر ہم نے بات نہیں کی، مگر آپ کے خیال میں وہ اہم ہے؟"
    ),
}


# Every probe of the template's guide, keyed by its English text.
PROBES_UR: dict[str, str] = {
    "Which patients do you mostly see?": "آپ کے پاس زیادہ تر کس طرح کے مریض آتے ہیں؟",
    "How long have you been in this role?": "آپ کو اس عہدے پر کتنا عرصہ ہو گیا ہے؟",
    "How is your time split between the ward, the clinic and other duties?": (
        "آپ کا وقت وارڈ، کلینک اور دوسری ذمہ داریوں میں کیسے تقسیم ہوتا ہے؟"
    ),
    "Was it your choice, or were you asked to start?": (
        "کیا یہ آپ کا اپنا فیصلہ تھا، یا آپ کو شروع کرنے کے لیے کہا گیا؟"
    ),
    "What kinds of remote care do you do now: video, phone, messages, monitoring?": (
        "اب آپ کے کام میں دور سے علاج کی کون کون سی صورتیں شامل ہیں: ویڈیو، فون، پیغامات، نگرانی؟"
    ),
    "What did you expect it would be like before you started?": (
        "شروع کرنے سے پہلے آپ کو کیا توقع تھی کہ یہ کیسا ہو گا؟"
    ),
    "Who set it up?": "اس کا انتظام کس نے کیا تھا؟",
    "What went well and what did not?": "کیا چیز ٹھیک رہی اور کیا نہیں؟",
    "Where do those rules come from: the hospital, the province, the federal government?": (
        "یہ اصول کہاں سے آتے ہیں: ہسپتال سے، صوبے سے، یا وفاقی حکومت سے؟"
    ),
    "Are there situations where you are not sure what is allowed?": (
        "کیا ایسی صورتیں بھی آتی ہیں جب آپ کو یقین نہ ہو کہ کس چیز کی اجازت ہے؟"
    ),
    "How do you decide what you can and cannot do remotely?": (
        "دور سے کیا کیا جا سکتا ہے اور کیا نہیں، آپ کے لیے اس کا فیصلہ کس بنیاد پر ہوتا ہے؟"
    ),
    "Has the funding changed since you started?": (
        "آپ کے شروع کرنے کے بعد سے کیا فنڈنگ میں کوئی تبدیلی آئی ہے؟"
    ),
    "Have you ever paid for anything yourself, such as data or a device?": (
        "کیا آپ نے کبھی کسی چیز کا خرچ خود اٹھایا ہے، جیسے ڈیٹا یا کوئی ڈیوائس؟"
    ),
    "How does money, or the lack of it, affect the service?": (
        "پیسہ، یا اس کی کمی، اس سروس پر کیا اثر ڈالتی ہے؟"
    ),
    "How is patient information shared and stored?": (
        "مریض کی معلومات کیسے شیئر اور محفوظ کی جاتی ہیں؟"
    ),
    "Who would be responsible if something went wrong in a remote consultation?": (
        "اگر آن لائن مشاورت میں کچھ غلط ہو جائے تو ذمہ دار کون ہو گا؟"
    ),
    "How is consent handled?": "رضامندی کیسے لی جاتی ہے؟",
    "What is it like to use day to day?": "روزمرہ کے کام میں اسے استعمال کرنا کیسا ہے؟",
    "Can you remember a time when it let you down?": (
        "کیا کوئی ایسا موقع یاد ہے جب اس نے عین وقت پر آپ کا ساتھ چھوڑ دیا ہو؟"
    ),
    "What would you change about it?": "آپ کا بس چلے تو اس میں کیا تبدیلی لائیں؟",
    "What happens when the call drops?": "جب کال کٹ جائے تو کیا ہوتا ہے؟",
    "Are some patients harder to reach than others?": (
        "کیا کچھ مریضوں تک پہنچنا دوسروں کی نسبت زیادہ مشکل ہوتا ہے؟"
    ),
    "How does electricity affect your work?": "بجلی کی صورتحال آپ کے کام پر کیا اثر ڈالتی ہے؟",
    "Can you see a patient's history and results during the consultation?": (
        "کیا مشاورت کے دوران آپ کو مریض کی ہسٹری اور رپورٹیں نظر آتی ہیں؟"
    ),
    "How much information do you have to enter more than once?": (
        "آپ کو کتنی معلومات ایک سے زیادہ بار درج کرنی پڑتی ہیں؟"
    ),
    "Who provided it, and how useful was it?": "یہ تربیت کس نے دی، اور یہ کتنی مفید تھی؟",
    "How did you learn the things the training did not cover?": (
        "جو چیزیں تربیت میں شامل نہیں تھیں، وہ آپ نے کیسے سیکھیں؟"
    ),
    "What training would actually help?": "کس طرح کی تربیت واقعی مددگار ہو گی؟",
    "How quickly does help come?": "مدد کتنی جلدی پہنچتی ہے؟",
    "How involved is management in the telemedicine service?": (
        "ٹیلی میڈیسن سروس میں انتظامیہ کی کتنی دلچسپی اور شمولیت ہے؟"
    ),
    "Do you have the equipment and space you need?": (
        "کیا آپ کے پاس ضرورت کے مطابق آلات اور جگہ موجود ہے؟"
    ),
    "How are remote appointments scheduled?": "آن لائن اپائنٹمنٹس کا وقت کیسے طے کیا جاتا ہے؟",
    "How do remote and in-person work fit together?": (
        "آن لائن اور آمنے سامنے کا کام ایک ساتھ کیسے چلتا ہے؟"
    ),
    "What effect has it had on your workload?": "اس کا آپ کے کام کے بوجھ پر کیا اثر پڑا ہے؟",
    "How does that compare with your colleagues?": "آپ کے ساتھیوں کے مقابلے میں یہ کیسا ہے؟",
    "What about your patients and their families?": (
        "اور آپ کے مریضوں اور ان کے گھر والوں کا کیا حال ہے؟"
    ),
    "What, if anything, is lost?": "اگر کچھ کھو جاتا ہے، تو وہ کیا ہے؟",
    "How do patients react?": "مریضوں کا ردِعمل کیا ہوتا ہے؟",
    "Has it changed how you see your own role?": (
        "کیا اس سے آپ کے اپنے کردار کے بارے میں آپ کی سوچ بدلی ہے؟"
    ),
    "Can you think of a case where you were unsure?": (
        "کیا کوئی ایسا کیس یاد ہے جس میں آپ کو یقین نہیں تھا؟"
    ),
    "How far do patients trust it?": "مریض اس پر کس حد تک بھروسہ کرتے ہیں؟",
    "What do you think the institution wants from telemedicine?": (
        "آپ کے خیال میں ادارہ ٹیلی میڈیسن سے کیا چاہتا ہے؟"
    ),
    "Who would need to act on that?": "اس کے لیے کس کو قدم اٹھانا ہو گا؟",
    "What should stay as it is?": "کیا چیز جیسی ہے ویسی ہی رہنی چاہیے؟",
    "Is there anything you would like to ask me?": "کیا آپ کے ذہن میں میرے لیے کوئی سوال ہے؟",
}


def slot_names(text: str) -> list[str]:
    """The distinct ``{slot}`` names in ``text``, in order of first appearance."""
    return list(dict.fromkeys(SLOT_PATTERN.findall(text)))


def fill_pair(template: Pair, rng: random.Random, indices: Mapping[str, int] | None = None) -> Pair:
    """Fill the slots of an ``(English, Urdu)`` template consistently on both sides.

    For each distinct slot of the English side (in order of first appearance) one index
    into ``SLOTS_UR[slot]`` is drawn with ``rng``, unless ``indices`` fixes it, and entry
    ``[0]`` of that pair goes into the English, entry ``[1]`` into the Urdu.  Raises
    ``KeyError`` for a slot that is not in ``SLOTS_UR`` and ``ValueError`` when the two
    sides do not use the same slots.
    """
    english, urdu = template
    names = slot_names(english)
    for name in [*names, *slot_names(urdu)]:
        if name not in SLOTS_UR:
            raise KeyError(f"unknown slot {{{name}}} in {template!r}")
    if set(names) != set(slot_names(urdu)):
        raise ValueError(
            f"the English and Urdu sides use different slots: {sorted(names)} != "
            f"{sorted(slot_names(urdu))} in {template!r}"
        )
    fixed = indices or {}
    chosen: dict[str, Pair] = {}
    for name in names:
        values = SLOTS_UR[name]
        index = fixed[name] if name in fixed else rng.randrange(len(values))
        chosen[name] = values[index]
    return (
        SLOT_PATTERN.sub(lambda m: chosen[m.group(1)][0], english),
        SLOT_PATTERN.sub(lambda m: chosen[m.group(1)][1], urdu),
    )
