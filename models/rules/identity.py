"""An owner's identity document and phones, checked per kind: the one rule the dialogs and imports share.

身份证 (GB 11643): 18 characters, a province that exists (first two digits), a birth date that exists
and is not in the future, the MOD 11-2 check character. 统一社会信用代码 (GB 32100): 18 characters of
its alphabet, six digits of region, the MOD 31 check character. 护照 and 港澳台通行证: the formats
their issuers use. Messages quote what was typed and say what is wrong, without the field's name
(the caller adds it: "第 3 行「身份证号」：…" in an import, "「证件号码」…" in a form).

python-stdnum has cn.ric and cn.uscc, but it refuses ID numbers of counties renamed since (its county
table), the 81/82/83 numbers of 港澳台居民居住证 and 统一社会信用代码 of authorities other than 1-9,
and says so in English exception classes; the two checksums are a few lines each.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..errors import ValidationError
from .idcard import check_char

ID_CARD, PASSPORT, PERMIT, CREDIT_CODE = "身份证", "护照", "港澳台通行证", "统一社会信用代码"
ID_KINDS = (ID_CARD, PASSPORT, PERMIT, CREDIT_CODE)  # models.people.ID_KINDS, in the same order

# GB/T 2260 provinces (省级行政区划代码); 71 台湾, 81 香港, 82 澳门, 83 台湾居民居住证.
PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82", "83",
})
EARLIEST_BIRTH = dt.date(1900, 1, 1)

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

# ICAO 9303 leaves the number's format to the issuer: 5 to 17 letters and digits, at least one digit
# (a Chinese passport is E12345678 or EA1234567).
PASSPORT_RE = re.compile(r"(?=.*\d)[A-Z0-9]{5,17}")
# 港澳居民来往内地通行证 H/M + 8 digits (older cards + 10); 台湾居民来往大陆通行证 8 digits (older 10).
PERMIT_RE = re.compile(r"[HM](\d{8}|\d{10})|\d{8}|\d{10}")

SPACES = re.compile(r"[\s\-‐－—]+")


def normalize_id(text: str) -> str:
    """What is stored: half-width, upper case, no spaces or dashes ('1101 0119 9003 0742 58' → one run)."""
    return SPACES.sub("", unicodedata.normalize("NFKC", text or "")).upper()


def id_problem(kind: str, number: str, today: dt.date) -> str:
    """What is wrong with `number` (already normalised) as a document of `kind`; "" when nothing is.

    An empty number is no problem here: whether one is required is the caller's rule.
    """
    if kind not in ID_KINDS:
        return f"证件类型“{kind}”无效，应为：{'、'.join(ID_KINDS)}"
    if not number:
        return ""
    checks = {ID_CARD: _id_card, PASSPORT: _passport, PERMIT: _permit, CREDIT_CODE: _credit_code}
    return checks[kind](number, today)


def check_id(kind: str, text: str, today: dt.date, field: str = "证件号码") -> str:
    """The normalised number, or ValidationError naming `field`."""
    number = normalize_id(text)
    problem = id_problem(kind, number, today)
    if problem:
        raise ValidationError(f"「{field}」{problem}。")
    return number


# ---- 身份证 ----------------------------------------------------------------------------------------

def _id_card(number: str, today: dt.date) -> str:
    bad = f"“{number}”不是有效的身份证号"
    if len(number) == 15 and number.isdigit():
        return f"“{number}”是 15 位的旧身份证号，已停止使用；请填写 18 位身份证号"
    if len(number) != 18 or not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return f"{bad}（应为 18 位：17 位数字加最后 1 位数字或 X，现有 {len(number)} 位）"
    if number[:2] not in PROVINCES:
        return f"{bad}（前两位地区码 {number[:2]} 不是省级行政区划代码）"
    born = _birth_date(number[6:14])
    if born is None:
        return f"{bad}（出生日期 {number[6:14]} 不存在）"
    if born < EARLIEST_BIRTH or born > today:
        return f"{bad}（出生日期 {born.isoformat()} 不可能）"
    if check_char(number[:17]) != number[17]:
        return f"{bad}（校验码不对）"
    return ""


def _birth_date(text: str) -> dt.date | None:
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def is_valid_id_card(number: str, today: dt.date) -> bool:
    return not _id_card(normalize_id(number), today)


# ---- 统一社会信用代码 --------------------------------------------------------------------------------

def credit_check_char(first17: str) -> str:
    """GB 32100's 18th character for the first 17 (MOD 31 over its 31-character alphabet)."""
    total = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS, strict=True))
    return CREDIT_ALPHABET[(31 - total % 31) % 31]


def _credit_code(number: str, _today: dt.date) -> str:
    bad = f"“{number}”不是有效的统一社会信用代码"
    if len(number) != 18:
        return f"{bad}（应为 18 位，现有 {len(number)} 位）"
    wrong = sorted({c for c in number if c not in CREDIT_ALPHABET})
    if wrong:
        return f"{bad}（不能含有字符 {''.join(wrong)}；代码不用 I、O、S、V、Z）"
    if not number[2:8].isdigit():
        return f"{bad}（第 3 至 8 位应为行政区划代码数字）"
    if credit_check_char(number[:17]) != number[17]:
        return f"{bad}（校验码不对）"
    return ""


# ---- 护照、港澳台通行证 ---------------------------------------------------------------------------------

def _passport(number: str, _today: dt.date) -> str:
    if PASSPORT_RE.fullmatch(number):
        return ""
    return f"“{number}”不是有效的护照号码（应为 5 至 17 位字母和数字，如 E12345678）"


def _permit(number: str, _today: dt.date) -> str:
    if PERMIT_RE.fullmatch(number):
        return ""
    return (f"“{number}”不是有效的港澳台通行证号码（港澳居民来往内地通行证为 H 或 M 加 8 位或 10 位数字，"
            "台湾居民来往大陆通行证为 8 位或 10 位数字）")


# ---- phones -------------------------------------------------------------------------------------

PHONE_SEPARATORS = re.compile(r"[、,，;；/]+")  # not spaces: "138 0013 8000" is one phone
MOBILE = re.compile(r"1\d{10}")  # as the roster import reads 联系电话
# Area code (010, 02x, 0xxx) + 7 or 8 digits, an extension after 转.
LANDLINE = re.compile(r"(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})(?:转(\d{1,6}))?")
SERVICE = re.compile(r"[48]00\d{7}")  # 400 and 800 numbers
LOCAL = re.compile(r"[2-9]\d{6,7}")  # a local number without its area code


def phone_problem(text: str) -> tuple[str, str]:
    """(the phone as stored, what is wrong with it): mobiles as 11 digits, landlines as 010-62345678."""
    raw = unicodedata.normalize("NFKC", text).strip()
    compact = re.sub(r"[\s\-()]", "", raw)
    compact = re.sub(r"分机|ext\.?", "转", compact, flags=re.IGNORECASE)
    compact = re.sub(r"^(\+86|0086)", "", compact)
    if MOBILE.fullmatch(compact) or SERVICE.fullmatch(compact) or LOCAL.fullmatch(compact):
        return compact, ""
    landline = LANDLINE.fullmatch(compact)
    if landline:
        area, number, extension = landline.groups()
        return f"{area}-{number}" + (f"转{extension}" if extension else ""), ""
    return raw, f"“{raw}”不是有效的电话号码（手机为 11 位；固定电话请带区号，如 010-62345678）"


def check_phones(text: str, field: str) -> tuple[str, ...]:
    """Every phone in `text` (separated by 、 , ; / or spaces), each checked and stored alike."""
    phones: list[str] = []
    for part in PHONE_SEPARATORS.split(unicodedata.normalize("NFKC", text or "").strip()):
        if not part:
            continue
        phone, problem = phone_problem(part)
        if problem:
            raise ValidationError(f"「{field}」{problem}。")
        if phone not in phones:
            phones.append(phone)
    return tuple(phones)
