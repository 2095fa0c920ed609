"""Name lexicon for spotting person-name columns in tables (Latin script only).

Sources, all offline: Faker's person providers (MIT) for locales written in Latin script,
Faker's Ukrainian and Russian names transliterated to Latin (passport and German spelling), and a
short hand-written list of Arabic, Afghan, Kurdish and East African names in the Latin spellings
German school registers use, because Faker's Arabic and Persian lists are in Arabic script only
(the stack notes measured only 14-27 % coverage of Syrian, Afghan and Iraqi first names).

Lookups fold case and diacritics (Çelik = Celik, Müller = Muller = Mueller).
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from functools import lru_cache

LATIN_LOCALES = (
    "de_DE", "de_AT", "de_CH", "tr_TR", "pl_PL", "it_IT", "fr_FR", "es_ES", "en_US", "en_GB",
    "hr_HR", "ro_RO", "cs_CZ", "sk_SK", "hu_HU", "nl_NL", "pt_PT", "pt_BR", "sl_SI", "lt_LT",
    "lv_LV", "az_AZ", "uz_UZ", "en_PK", "en_IN", "fr_DZ", "sv_SE", "da_DK", "fi_FI",
)
CYRILLIC_LOCALES = ("uk_UA", "ru_RU", "bg_BG")

#: Common Latin spellings of Arabic, Afghan, Kurdish, Eritrean and Somali names (hand-written),
#: plus frequent Turkish and Ukrainian names missing from the Faker lists.
SUPPLEMENT = """
Mohammed Mohamed Muhammad Mohammad Mohamad Muhammed Mehmet Ahmed Ahmad Ahmet Ali Omar Umar Omer
Hassan Hasan Hussein Husein Hussain Hossein Hosseini Ibrahim Yusuf Youssef Yousef Yousif Mustafa
Mostafa Khaled Khalid Abdullah Abdallah Abdul Abdulrahman Abdelrahman Abdulkarim Mahmoud Mahmud
Karim Kareem Samir Sami Tarek Tariq Walid Bilal Hamza Amir Amin Yasin Yassin Yaseen Zaid Zayd Jamal
Rami Fadi Nabil Hadi Majid Rashid Said Saeed Osman Othman Anas Ayman Ayham Firas Ghassan Hani
Kamal Louay Mazen Moutaz Nizar Qasim Kasim Qasem Ramzi Riad Riyad Salah Salim Saleh Shadi Wael
Yahya Younes Younis Yunus Zakaria Zakariya Ziad Farid Jawad Javad Naveed Navid Mirwais Wahid
Zabiullah Hamid Habib Rahim Rahman Sohail Sultan Shah Mohammadi Ahmadi Rahimi Karimi Rezaei
Sultani Noori Nuri Amiri Hakimi Haidari Haydari Sadat Popal Stanikzai Nazari Nasiri Azizi Safi
Hashimi Hashemi Jafari Mousavi Musawi Sharifi Wardak Faizi Qaderi Qadiri Rasuli Rasouli Samadi
Fatima Fatma Aisha Aysha Aischa Aya Maryam Mariam Zainab Zeinab Layla Leila Laila Lina Nour Noor
Nur Rana Reem Rim Salma Hana Hanan Yasmin Yasmine Amira Amina Asma Dalia Dina Doaa Duaa Ghada
Hiba Heba Huda Iman Imane Inas Khadija Lamia Lubna Malak Manal Mona Muna Nada Nadia Nisreen Rania
Rasha Ruqaya Safa Samar Shahd Sham Shirin Tasnim Wafaa Zahra Zohra Marwa Rawan Razan Sidra Joud
Jana Judy Lujain Hala Bayan Batoul Rahaf Raghad Ruaa Sanaa Soraya Parwana Farzana Mursal Nilofar
Alahmad Alali Alhassan Alhussein Khalil Haddad Mansour Nasser Suleiman Sulaiman Darwish Hamdan
Aziz Hamoud Hammoud Khoury Kurdi Alkurdi Shaikh Sheikh Sabbagh Halabi Hamwi Homsi Masri Shami
Jaber Jabbar Alomar Alshami Almasri Issa Eissa Abbas Abboud Najjar Nasr Hijazi Zaidan Zeidan
Rojin Berfin Dilan Zilan Baran Azad Rojhat Welat Serhat Hevin Jiyan Rojda Delal Ronahi Nesrin
Dawit Yonas Yohannes Tesfaye Tesfay Berhane Haile Mehari Kidane Semere Filmon Senait Selam Saba
Abdi Abdirahman Abdullahi Farah Hodan Hawa Ayan Warsame Hirsi Mohamud Jama Guled Liban Ilhan
Çelik Öztürk Şahin Aydın Arslan Doğan Kılıç Yıldız Yıldırım Kaya Demir Koç Kurt Özdemir Aslan
Polat Erdoğan Güneş Tekin Aktaş Korkmaz Çetin Kara Acar Avcı Bulut Ekinci Keskin Ünal Uçar
Mykola Bondarenko Tkachenko Kravchenko Melnyk Shevchuk Boiko Boyko Koval Oliinyk Lysenko
Marchenko Rudenko Savchenko Petrenko Moroz Pavlenko Kuzmenko Ponomarenko Vasylenko Klymenko
Taras Bohdan Vasyl Yurii Andrii Serhii Oleh Volodymyr Ihor Maksym Artem Danylo Nazar Sofiia
Anastasiia Viktoriia Yuliia Kateryna Oksana Tetiana Nataliia Halyna Svitlana Daryna Khrystyna
Polina Zlata Veronika Yaroslava Yaroslav Mariia Olha Olexandr Oleksii Dmytro Yevhen Yevheniia
"""

_PARTICLES = {"al", "el", "abu", "bin", "ibn", "abd", "abdel", "von", "van", "de", "der", "den",
              "zu", "ter", "ten", "da", "di", "du", "le", "la", "dos", "das", "del", "vom"}

#: Words that Faker lists as surnames but that tables use as ordinary labels.
_STOPWORDS = {
    "insgesamt", "gesamt", "summe", "total", "kita", "schule", "stadt", "kreis", "land", "berg",
    "mitte", "nord", "sud", "ost", "west", "neu", "alt", "klein", "gross", "weiss", "schwarz",
    "jung", "lang", "kurz", "weiblich", "mannlich", "divers", "deutsch", "deutschland", "park",
    "see", "wald", "feld", "dorf", "hof", "bach", "grund", "ja", "nein", "keine", "sonstige",
    "andere", "unbekannt", "frei", "jahr", "klasse", "tag", "winter", "sommer", "fruhling",
    "herbst", "kind", "kinder", "haus", "markt", "kirch", "kirche", "brunnen", "garten",
}

_UK_PASSPORT = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяэыё",
    ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "e", "y",
     "io"]))
_DE_DUDEN = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяэыё",
    ["a", "b", "w", "g", "g", "d", "e", "je", "sch", "s", "i", "i", "ji", "j", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "ch", "z", "tsch", "sch", "schtsch", "", "ju", "ja", "e",
     "y", "jo"]))
_CYRILLIC = re.compile(r"^[\u0400-\u04FF'’ -]+$")
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F'’ .-]+$")
_SPLIT = re.compile(r"[\s\-'’.,]+")
_FOLD_EXTRA = str.maketrans({"ı": "i", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l",
                             "đ": "d", "ə": "e"})


def fold(word: str) -> str:
    """Lower-case, strip diacritics, map a few letters NFKD leaves alone (ı, ß, ł, ə)."""
    word = word.lower().translate(_FOLD_EXTRA)
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _transliterate(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(c, c) for c in word.lower())


def _provider_names(locale: str) -> list[str]:
    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except (ImportError, AttributeError):
        return []
    names: list[str] = []
    for attr in ("first_names", "first_names_male", "first_names_female", "last_names"):
        names.extend(getattr(provider, attr, ()) or ())
    return [str(n) for n in names]


@lru_cache(maxsize=1)
def name_lexicon() -> frozenset[str]:
    """Folded name tokens (at least two letters) from all sources, minus ordinary label words."""
    tokens: set[str] = set()

    def add(name: str) -> None:
        for part in _SPLIT.split(name):
            folded = fold(part)
            if len(folded) >= 2 and folded not in _PARTICLES:
                tokens.add(folded)

    for locale in LATIN_LOCALES:
        for name in _provider_names(locale):
            if _LATIN.match(name):
                add(name)
    for locale in CYRILLIC_LOCALES:
        for name in _provider_names(locale):
            if _CYRILLIC.match(name):
                add(_transliterate(name, _UK_PASSPORT))
                add(_transliterate(name, _DE_DUDEN))
    for name in SUPPLEMENT.split():
        add(name)
    return frozenset(tokens - _STOPWORDS)


def is_particle(token: str) -> bool:
    return fold(token) in _PARTICLES


def token_in_lexicon(token: str) -> bool:
    """True if ``token`` (one word) is a known name; tries the ae/oe/ue spelling of umlauts too."""
    lexicon = name_lexicon()
    folded = fold(token)
    if folded in lexicon:
        return True
    if any(pair in folded for pair in ("ae", "oe", "ue")):
        return folded.replace("ae", "a").replace("oe", "o").replace("ue", "u") in lexicon
    return False
