"""Made-up people: Chinese names, mobile numbers and ID numbers with a valid GB 11643 checksum."""
from __future__ import annotations

import datetime as dt
import random

from ..rules.idcard import check_char

# Common surnames, roughly by frequency (the first ones repeated to weight them).
SURNAMES = ("王李张刘陈杨黄赵吴周" * 3 + "徐孙马朱胡郭何高林罗" * 2
            + "郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾"
            "夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
MALE_CHARS = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣博文志国建东海峰亮成晨阳振宏"
FEMALE_CHARS = "芳娜敏静丽艳娟霞秀英玲燕丹萍红梅莉兰琳颖洁婷雪慧倩琴云凤月晶佳雯怡悦欣瑶璐蕾茜晓"
# Administrative division codes (市辖区 of a few cities), the first 6 digits of an ID number.
REGIONS = ("131003", "131002", "131082", "110105", "110108", "120104", "130102", "130602", "370102",
           "410105", "210102", "140105", "150102", "230103", "320102", "420106", "510107", "610113")
MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                   "155", "156", "157", "158", "159", "166", "177", "180", "181", "182", "183", "185",
                   "186", "187", "188", "189", "191", "198", "199")
BIRTH_FROM = dt.date(1948, 1, 1)
BIRTH_DAYS = 52 * 365  # born 1948..1999: every owner is an adult


def person_name(rng: random.Random, male: bool) -> str:
    chars = MALE_CHARS if male else FEMALE_CHARS
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return rng.choice(SURNAMES) + given


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def id_number(rng: random.Random, male: bool) -> str:
    """Region + birth date + sequence (odd 17th digit = male) + check character."""
    born = BIRTH_FROM + dt.timedelta(days=rng.randrange(BIRTH_DAYS))
    gender_digit = rng.randrange(1, 10, 2) if male else rng.randrange(0, 10, 2)
    first17 = f"{rng.choice(REGIONS)}{born:%Y%m%d}{rng.randrange(100):02d}{gender_digit}"
    return first17 + check_char(first17)


def person(rng: random.Random) -> tuple[str, str, str]:
    """(name, mobile, ID number) of one made-up adult."""
    male = rng.random() < 0.5
    return person_name(rng, male), mobile(rng), id_number(rng, male)
