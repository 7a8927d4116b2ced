"""An owner's identity document and phones, checked per kind: the one rule the dialogs and imports share.

身份证 (GB 11643) by python-stdnum's cn.ric: 18 characters, the MOD 11-2 check character, a birth date
that exists (not before 1900, not in the future) and a region code stdnum's GB/T 2260 table knows.
stdnum's own validate() also wants the county to have existed in the birth year; a county created
since (余杭区 330110 from 2001) still issues numbers to people born before, so only the code's
existence is asked; the 81/82/83 numbers of 港澳台居民居住证 (810000, 820000, 830000) are accepted.
A 15-digit number is not accepted (stdnum's cn.ric knows only 18 digits; it is out of use since 2013).
统一社会信用代码 (GB 32100): 18 characters of its alphabet, six digits of region, the MOD 31 check
character by stdnum's cn.uscc (its validate() refuses the authority codes A–N and Y, so not called).
护照 and 港澳台通行证: the formats their issuers use. Messages quote what was typed and say what is
wrong, without the field's name (the caller adds it: "第 3 行「身份证号」：…" in an import,
"「证件号码」…" in a form).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from stdnum import numdb
from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError as NumberError

from ..errors import ValidationError
from ..i18n import translate
from ..people import ID_KINDS, IdKind

# The member each number check is chosen by (stored as its code: id_card, passport…).
ID_CARD, PASSPORT, PERMIT, CREDIT_CODE = IdKind.ID_CARD, IdKind.PASSPORT, IdKind.PERMIT, IdKind.CREDIT_CODE

# GB/T 2260 provinces (省级行政区划代码); 71 台湾, 81 香港, 82 澳门, 83 台湾居民居住证.
PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82", "83",
})
EARLIEST_BIRTH = dt.date(1900, 1, 1)

RESIDENCE_PERMITS = frozenset({"810000", "820000", "830000"})  # 港澳台居民居住证: no county in the table

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z

# ICAO 9303 leaves the number's format to the issuer: 5 to 17 letters and digits, at least one digit
# (a Chinese passport is E12345678 or EA1234567).
PASSPORT_RE = re.compile(r"(?=.*\d)[A-Z0-9]{5,17}")
# 港澳居民来往内地通行证 H/M + 8 digits (older cards + 10); 台湾居民来往大陆通行证 8 digits (older 10).
PERMIT_RE = re.compile(r"[HM](\d{8}|\d{10})|\d{8}|\d{10}")

SPACES = re.compile(r"[\s\-‐－—]+")


def normalize_id(text: str) -> str:
    """What is stored: half-width, upper case, no spaces or dashes ('1101 0119 9003 0742 58' → one run)."""
    return SPACES.sub("", unicodedata.normalize("NFKC", text or "")).upper()


def id_problem(kind: IdKind | str, number: str, today: dt.date) -> str:
    """What is wrong with `number` (already normalised) as a document of `kind` (a member, or its code
    or label); "" when nothing is.

    An empty number is no problem here: whether one is required is the caller's rule.
    """
    try:
        member = IdKind(kind)
    except ValueError:
        return translate("people", "证件类型“{kind}”无效，应为：{choices}").format(
            kind=kind, choices=translate("labels", "、").join(k.label for k in ID_KINDS))
    if not number:
        return ""
    checks = {ID_CARD: _id_card, PASSPORT: _passport, PERMIT: _permit, CREDIT_CODE: _credit_code}
    return checks[member](number, today)


def check_id(kind: IdKind | str, text: str, today: dt.date, field: str = "") -> str:
    """The normalised number, or ValidationError naming `field` (证件号码 unless told)."""
    field = field or translate("identity", "证件号码")
    number = normalize_id(text)
    problem = id_problem(kind, number, today)
    if problem:
        raise ValidationError(translate("identity", "「{field}」{problem}。").format(field=field, problem=problem))
    return number


# ---- 身份证 ----------------------------------------------------------------------------------------

def _id_card(number: str, today: dt.date) -> str:
    bad = translate("identity", "“{number}”不是有效的身份证号").format(number=number)
    if len(number) == 15 and number.isdigit():
        return translate("identity", "“{number}”是 15 位的旧身份证号，已停止使用；请填写 18 位身份证号").format(number=number)
    if len(number) != 18 or not number[:17].isdigit() or not (number[17].isdigit() or number[17] == "X"):
        return translate("identity", "{bad}（应为 18 位：17 位数字加最后 1 位数字或 X，现有 {n} 位）").format(bad=bad, n=len(number))
    if not _known_region(number[:6]):
        return translate("identity", "{bad}（地区码无效：前六位 {region} 不是行政区划代码）").format(bad=bad, region=number[:6])
    born = _birth_date(number)
    if born is None:
        return translate("identity", "{bad}（出生日期无效：{born} 不存在）").format(bad=bad, born=number[6:14])
    if born < EARLIEST_BIRTH or born > today:
        return translate("identity", "{bad}（出生日期无效：{born} 不可能）").format(bad=bad, born=born.isoformat())
    if ric.calc_check_digit(number) != number[17]:
        return translate("identity", "{bad}（校验码不对）").format(bad=bad)
    return ""


def _known_region(code: str) -> bool:
    """A province and a county (or city) of stdnum's GB/T 2260 table, in any year."""
    if code in RESIDENCE_PERMITS:
        return True
    found = {key for _part, props in numdb.get("cn/loc").info(code) for key in props}
    return {"province", "county"} <= found


def _birth_date(number: str) -> dt.date | None:
    try:
        return ric.get_birth_date(number)
    except (NumberError, ValueError):
        return None


def is_valid_id_card(number: str, today: dt.date) -> bool:
    return not _id_card(normalize_id(number), today)


# ---- 统一社会信用代码 --------------------------------------------------------------------------------

def credit_check_char(first17: str) -> str:
    """GB 32100's 18th character for the first 17 (MOD 31 over its 31-character alphabet)."""
    return str(uscc.calc_check_digit(first17 + "0"))


def _credit_code(number: str, _today: dt.date) -> str:
    bad = translate("identity", "“{number}”不是有效的统一社会信用代码").format(number=number)
    if len(number) != 18:
        return translate("identity", "{bad}（应为 18 位，现有 {n} 位）").format(bad=bad, n=len(number))
    wrong = sorted({c for c in number if c not in CREDIT_ALPHABET})
    if wrong:
        return translate("identity", "{bad}（不能含有字符 {chars}；代码不用 I、O、S、V、Z）").format(bad=bad, chars="".join(wrong))
    if not number[2:8].isdigit():
        return translate("identity", "{bad}（第 3 至 8 位应为行政区划代码数字）").format(bad=bad)
    if credit_check_char(number[:17]) != number[17]:
        return translate("identity", "{bad}（校验码不对）").format(bad=bad)
    return ""


# ---- 护照、港澳台通行证 ---------------------------------------------------------------------------------

def _passport(number: str, _today: dt.date) -> str:
    if PASSPORT_RE.fullmatch(number):
        return ""
    return translate("identity", "“{number}”不是有效的护照号码（应为 5 至 17 位字母和数字，如 E12345678）").format(number=number)


def _permit(number: str, _today: dt.date) -> str:
    if PERMIT_RE.fullmatch(number):
        return ""
    return translate("identity", "“{number}”不是有效的港澳台通行证号码（港澳居民来往内地通行证为 H 或 M 加 8 位或 10 位数字，台湾居民来往大陆通行证为 8 位或 10 位数字）").format(number=number)


# ---- phones -------------------------------------------------------------------------------------

PHONE_SEPARATORS = re.compile(r"[、,，;；/]+")  # not spaces: "138 0013 8000" is one phone
MOBILE = re.compile(r"1\d{10}")  # as the roster import reads 联系电话
# Area code (010, 02x, 0xxx) + 7 or 8 digits, an extension after 转.
LANDLINE = re.compile(r"(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})(?:转(\d{1,6}))?")
SERVICE = re.compile(r"[48]00\d{7}")  # 400 and 800 numbers
LOCAL = re.compile(r"[2-9]\d{6,7}")  # a local number without its area code
NO_PHONE_WORDS = frozenset({"无", "暂无", "没有", "不详", "未知", "空", "无电话", "未留", "未提供", "-", "--", "—",
                            "——", "/", "／", "－", "0"})


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
    return raw, translate("identity", "“{phone}”不是有效的电话号码（手机为 11 位；固定电话请带区号，如 010-62345678）").format(phone=raw)


def read_phones(text: str) -> tuple[tuple[str, ...], str]:
    """(every phone in `text`, each as stored; what is wrong, "" when nothing is).

    Phones are separated by 、 , ; / — or by spaces when every spaced part is a whole phone
    ("13800000000 13900000000"), while "138 0013 8000" and "0571 88886666" stay one phone.
    A repeated phone is kept once.
    """
    phones: list[str] = []
    for part in PHONE_SEPARATORS.split(unicodedata.normalize("NFKC", text or "").strip()):
        if not part.strip():
            continue
        found, problem = _one_or_spaced(part.strip())
        if problem:
            return tuple(phones), problem
        phones += [p for p in found if p not in phones]
    return tuple(phones), ""


def _one_or_spaced(part: str) -> tuple[list[str], str]:
    phone, problem = phone_problem(part)
    if not problem:
        return [phone], ""
    spaced = [phone_problem(piece) for piece in part.split()]
    if len(spaced) > 1 and not any(bad for _phone, bad in spaced):
        return [p for p, _bad in spaced], ""
    return [], problem


def is_no_phone(text: str) -> bool:
    """"无", "不详", "-": what a sheet writes where it has no phone (no phone, not a bad one)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or "")) in NO_PHONE_WORDS


def check_phones(text: str, field: str) -> tuple[str, ...]:
    """Every phone in `text` (separated by 、 , ; / or spaces), each checked and stored alike."""
    phones, problem = read_phones(text)
    if problem:
        raise ValidationError(translate("identity", "「{field}」{problem}。").format(field=field, problem=problem))
    return phones


# ---- which document a sheet's number is -----------------------------------------------------------

# A sheet's 身份证号 column holds whatever the owner registered with; without a 证件类型 column
# the kind is told from the number's form (and a company's name).
COMPANY_RE = re.compile(r"公司|集团|银行|有限合伙|事务所|合作社|委员会|研究院|研究所|医院|学校|(厂|商行|经营部|门市部|中心)$")
PERMIT_LIKE = re.compile(r"[HM]\d{8}(\d{2})?|\d{8}|\d{10}")
KIND_WORDS = {
    ID_CARD: ("身份证", "居民身份证", "二代身份证", "身份证号", "身份证号码", "居民身份证号码"),
    PASSPORT: ("护照", "外国护照", "中国护照", "护照号"),
    PERMIT: ("港澳台通行证", "港澳通行证", "港澳居民来往内地通行证", "回乡证", "台胞证", "台湾居民来往大陆通行证",
             "通行证"),
    CREDIT_CODE: ("统一社会信用代码", "社会信用代码", "信用代码", "营业执照", "营业执照号"),
}
KIND_OF_WORD = {w: kind for kind, words in KIND_WORDS.items() for w in words}


def is_company_name(name: str) -> bool:
    """'某某物业管理有限公司' is a company; a person's name is not."""
    return bool(COMPANY_RE.search(name))


def guess_id_kind(number: str, is_company: bool) -> IdKind:
    """The kind a normalised number most likely is: a company's is its 统一社会信用代码; 18 characters
    with letters after the region are one too; H/M + 8 or 10 digits, or 8 or 10 digits, a 通行证;
    letters and digits a 护照; anything else is read as a 身份证 (and its message says why it fails)."""
    if is_company:
        return CREDIT_CODE
    if len(number) == 18 and not number[:17].isdigit() and number[:2].isalnum():
        return CREDIT_CODE
    if PERMIT_LIKE.fullmatch(number):
        return PERMIT
    if re.search(r"[A-Z]", number) and PASSPORT_RE.fullmatch(number) and len(number) != 18:
        return PASSPORT
    return ID_CARD


def id_kind_of(word: str) -> IdKind | None:
    """A sheet's 证件类型 as one of ID_KINDS ('居民身份证' → 身份证, '台胞证' → 港澳台通行证); None if unknown."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", word or ""))
    if text in KIND_OF_WORD:
        return KIND_OF_WORD[text]
    try:  # the code or the English label ('passport', 'Passport'), as a sheet exported in English has it
        return IdKind(text) if text else None
    except ValueError:
        return None
