"""The programme of the seed (`shared/seed/000_…txt`), its objectives verbatim, and a cohort."""

import datetime as dt

from django.utils import timezone

from core.models import Province
from core.text import turkish_slugify
from library.models import CollaborationType
from programs.models import Cohort, GoodPractice, Module, Objective, Program, Session

SEED_TITLE = "Belediyeler İçin Sosyal Kooperatifçilik Eğitimi"
SEED_ABOUT = (
    "Genç İşi Kooperatif, Türkiye’nin ilk Bilimsel Ar-Ge ve Eğitim Kooperatifidir. Yaygın eğitim "
    "uygulamalarını temel alan, dezavantajlı grupların sürdürülebilir istihdama ve geçim "
    "kaynaklarına erişimini sağlamak için çabalayan; bu amaçla eğitim, araştırma, danışmanlık "
    "faaliyetleri gösteren kâr amacı gütmeyen bir sosyal kooperatiftir."
)
SEED_ABOUT_EN = (
    "Genç İşi Kooperatif is Türkiye's first scientific R&D and education cooperative. It is a "
    "non-profit social cooperative that builds on non-formal education practice and works to "
    "give disadvantaged groups access to sustainable employment and livelihoods; to this end it "
    "carries out education, research and consultancy activities."
)
SEED_SUMMARY = (
    "Türkiye’de merkezi ve yerel yönetimlerin sunduğu hizmetlerin ulaşamadığı toplulukların "
    "sosyal ve ekonomik haklara erişimini sağlayan sosyal kooperatifçilik alanına odaklanan Genç "
    "İşi Kooperatif belediyeler için yaygın-eğitim metodolojisini kullanan bir "
    "kapasite-geliştirme eğitimi düzenlemektedir."
)
SEED_SUMMARY_EN = (
    "Genç İşi Kooperatif focuses on social cooperativism, which enables communities in Türkiye "
    "that central and local government services do not reach to access social and economic "
    "rights. It organises capacity-building training for municipalities, using a non-formal "
    "education methodology."
)
SEED_DESCRIPTION = (
    "Sosyal kooperatiflerin işlevi\n"
    "İstisnasız tüm kooperatifler sosyal bir görev taşır. Ancak bir kooperatifin ürettiği sosyal "
    "artı değer, maddi artı değerden fazla ise o kooperatif sosyal niteliktedir. Yerelde, "
    "hak-temelli çalışan sosyal kooperatif örgütlenmeleri, belediye hizmetlerine erişim "
    "altyapısını geliştirir.\n\n"
    "Belediyelerin işlevi\n"
    "Türkiye Cumhuriyeti anayasasında belirtilen sosyal devlet ilkeleri çerçevesinde Türkiye’de "
    "Belediyelere büyük görev düşmektedir. Belediyelerin sosyal politikalar geliştirerek "
    "ekonomik örgütlenme modellerine katkıda bulunan projeler geliştirmesi en önemli "
    "ihtiyaçlar arasındadır."
)
SEED_DESCRIPTION_EN = (
    "The role of social cooperatives\n"
    "All cooperatives, without exception, carry a social duty. But a cooperative is social in "
    "character when the social surplus value it produces is greater than its material surplus "
    "value. At the local level, social cooperative organisations that work on a rights-based "
    "approach improve the infrastructure for access to municipal services.\n\n"
    "The role of municipalities\n"
    "Within the framework of the social state principles set out in the Constitution of the "
    "Republic of Türkiye, a major duty falls to municipalities in Türkiye. Among the most "
    "important needs is for municipalities to develop social policies and, in doing so, "
    "projects that contribute to models of economic organisation."
)
SEED_AUDIENCE = (
    "Büyükşehir, il ve ilçe belediyelerinin çalışanları; yerel yönetimlerle işbirliği yapmayı "
    "amaçlayan kooperatifler (sosyal, kadın, tarımsal kooperatifler) ve sivil toplum kuruluşları."
)
SEED_AUDIENCE_EN = (
    "Staff of metropolitan, provincial and district municipalities; cooperatives that aim to "
    "collaborate with local governments (social, women's and agricultural cooperatives), and "
    "civil society organisations."
)
SEED_OBJECTIVES = [
    "Kooperatif mevzuatı ile belediye mevzuatı arasında bağ kurmak",
    (
        "Belediye çalışanlarının kooperatiflerle işbirliği süreçlerinin modellenmesi için araçlar "
        "geliştirmek"
    ),
    (
        "Kooperatiflerin yerelde sürdürülebilir ekonomik örgütlenme modellerini destekleyici "
        "sosyal politikaların oluşması için Belediyelerin yöntem geliştirmesini kolaylaştırmak"
    ),
    (
        "Yerel, sürdürülebilir kalkınma hedef ve ilkeleri çerçevesinde program geliştirilmesine "
        "katkıda bulunmak"
    ),
    (
        "Sivil toplum örgütlerinin ve kâr amacı gütmeyen kuruluşların sosyal ekonomi geliştirmesi "
        "için Belediyelerin sosyal politika geliştirmesine katkıda bulunmak."
    ),
]
OBJECTIVES_EN = [
    "To link cooperative legislation with municipal legislation",
    "To develop tools for modelling municipal staff's collaboration processes with cooperatives",
    (
        "To help municipalities develop methods for social policies that support cooperatives' "
        "sustainable local economic organisation models"
    ),
    (
        "To contribute to programme development within local sustainable development goals and "
        "principles"
    ),
    (
        "To contribute to municipalities' social policy development so that NGOs and non-profit "
        "organisations can develop the social economy."
    ),
]
# (title, English title, description, English description, minutes, method, objective numbers)
MODULES = [
    (
        "Sosyal kooperatifçilik ve belediyeler",
        "Social cooperativism and municipalities",
        (
            "Sosyal kooperatif nedir, belediyelerin sosyal devlet ilkesi çerçevesindeki görevleri "
            "nelerdir? Katılımcıların kendi deneyimlerinden yola çıkan yaygın eğitim oturumu."
        ),
        (
            "What is a social cooperative, and what are municipalities' duties under the social "
            "state principle? A non-formal education session that starts from participants' own "
            "experience."
        ),
        90,
        Module.Method.NON_FORMAL,
        [3, 5],
    ),
    (
        "Yasal dayanaklar: kooperatif mevzuatı ile belediye mevzuatı",
        "Legal bases: cooperative law and municipal law",
        (
            "Belediyelerin kooperatiflerle ilişkilerinde kullanabilecekleri yasal dayanakların "
            "ayrıntılı anlatımı."
        ),
        (
            "A detailed presentation of the legal bases that municipalities can use in their "
            "relations with cooperatives."
        ),
        120,
        Module.Method.LECTURE,
        [1],
    ),
    (
        "İşbirliği modelleri: mal ve hizmet alımı, bağış, eşgüdüm, ortaklık",
        "Collaboration models: procurement, donation, coordination, partnership",
        "Dört işbirliği türünün koşulları ve sınırları üzerine vaka temelli atölye.",
        "A case-based workshop on the conditions and limits of the four types of collaboration.",
        90,
        Module.Method.NON_FORMAL,
        [1, 2],
    ),
    (
        "Uluslararası iyi uygulamalar: canlı bağlantı",
        "International good practice: live link",
        "Genç İşi Kooperatif'in uluslararası ortaklarıyla canlı bağlantı ve soru-cevap.",
        "A live link and Q&A with Genç İşi Kooperatif's international partners.",
        60,
        Module.Method.LIVE_LINK,
        [3, 4],
    ),
    (
        "Ortaklarımızdan video mesajlar",
        "Video messages from our partners",
        "Uluslararası ortakların sosyal kooperatif deneyimlerini anlattığı video mesajlar.",
        (
            "Video messages in which international partners describe their social cooperative "
            "experiences."
        ),
        30,
        Module.Method.VIDEO_MESSAGE,
        [4],
    ),
    (
        "Grup çalışması: sektörel soru-cevap ve adım adım eylem planları",
        "Group work: sector Q&A and step-by-step action plans",
        (
            "Sektörel gruplarda soru-cevap oturumu; her katılımcı ya da kurum için adım adım eylem "
            "planı hazırlanması."
        ),
        (
            "A Q&A session in sector groups; preparing a step-by-step action plan for each "
            "participant or institution."
        ),
        150,
        Module.Method.GROUP_WORK,
        [2, 3, 4, 5],
    ),
]


# (day offset, start, end, module positions, title)
SCHEDULE = [
    (0, (9, 30), (11, 0), [1], "Açılış ve sosyal kooperatifçilik"),
    (0, (11, 15), (13, 15), [2], "Yasal dayanaklar"),
    (0, (14, 30), (16, 0), [3], "İşbirliği modelleri atölyesi"),
    (1, (9, 30), (10, 30), [4], "Canlı bağlantı: uluslararası ortaklar"),
    (1, (10, 45), (11, 15), [5], "Video mesajlar"),
    (1, (11, 30), (16, 0), [6], "Grup çalışması ve eylem planları"),
]
# The live link with the international partners (the seed's "canlı bağlantılar") is an online
# session: its meeting link reaches the cohort's confirmed participants (Kayıtlarım, e-mails,
# personal calendar). example.org is reserved for examples: the demo link leads nowhere.
LIVE_LINK_TITLE = "Canlı bağlantı: uluslararası ortaklar"
LIVE_LINK_URL = "https://toplanti.example.org/gencisi/{slug}-canli-baglanti"
GOOD_PRACTICES = [
    {
        "partner": "Sosyal kooperatifler konsorsiyumu (örnek)",
        "country": "İtalya",
        "country_en": "Italy",
        "kind": GoodPractice.Kind.CASE_STUDY,
        "title": "B tipi sosyal kooperatifler ve belediye hizmetleri",
        "title_en": "Type B social cooperatives and municipal services",
        "summary": (
            "İtalya'da dezavantajlı kişilerin istihdamını amaçlayan B tipi sosyal "
            "kooperatiflerin belediyelerle kurduğu hizmet ilişkileri üzerine bir vaka "
            "çalışması. Türkiye'deki karşılığı için yasal dayanaklar kütüphanesine bakın."
        ),
        "summary_en": (
            "A case study of the service relationships that type B social cooperatives in Italy "
            "— which aim to employ disadvantaged people — build with municipalities. For the "
            "equivalent in Türkiye, see the Legal-basis library."
        ),
        "modules": [3, 4],
        "types": ["mal-ve-hizmet-alimi"],
    },
    {
        "partner": "Enerji kooperatifi (örnek)",
        "country": "Almanya",
        "country_en": "Germany",
        "kind": GoodPractice.Kind.LIVE_LINK,
        "title": "Yurttaş enerji kooperatifi ile belediye ortaklığı",
        "title_en": "A municipality's partnership with a citizens' energy cooperative",
        "summary": (
            "Bir yurttaş enerji kooperatifinin yöneticileriyle canlı bağlantı: belediyenin "
            "ortak olarak yer aldığı bir yerel enerji girişiminin kuruluşu ve yönetimi."
        ),
        "summary_en": (
            "A live link with the managers of a citizens' energy cooperative: the founding and "
            "management of a local energy initiative in which the municipality takes part as a "
            "partner."
        ),
        "modules": [4],
        "types": ["ortaklik"],
    },
    {
        "partner": "Sosyal ekonomi ağı (örnek)",
        "country": "Yunanistan",
        "country_en": "Greece",
        "kind": GoodPractice.Kind.VIDEO_MESSAGE,
        "title": "Sosyal ve dayanışma ekonomisi kooperatiflerinde yerel yönetimler",
        "title_en": "Local government and social and solidarity economy cooperatives",
        "summary": (
            "Sosyal ve dayanışma ekonomisi alanında çalışan kooperatiflerin yerel "
            "yönetimlerle eşgüdümünü anlatan video mesaj."
        ),
        "summary_en": (
            "A video message describing how cooperatives working in the social and solidarity "
            "economy coordinate with local governments."
        ),
        "modules": [5],
        "types": ["esgudum"],
    },
    {
        "partner": "Kadın kooperatifleri birliği (örnek)",
        "country": "İspanya",
        "country_en": "Spain",
        "kind": GoodPractice.Kind.VIDEO_MESSAGE,
        "title": "Bakım hizmetlerinde kadın kooperatifleri",
        "title_en": "Women's cooperatives in care services",
        "summary": (
            "Bakım hizmeti sunan kadın kooperatiflerinin belediyelerle mal ve hizmet alımı "
            "ilişkisini anlatan video mesaj."
        ),
        "summary_en": (
            "A video message describing how women's cooperatives that provide care services "
            "work with municipalities through the procurement of goods and services."
        ),
        "modules": [3, 5],
        "types": ["mal-ve-hizmet-alimi"],
    },
]


def load_demo_programme(*, facilitators: list) -> Program:
    program, _created = Program.objects.update_or_create(
        slug="belediyeler-icin-sosyal-kooperatifcilik-egitimi",
        defaults={
            "title": SEED_TITLE,
            "title_en": "Social Cooperativism Training for Municipalities",
            "summary": SEED_SUMMARY,
            "summary_en": SEED_SUMMARY_EN,
            "description": SEED_DESCRIPTION,
            "description_en": SEED_DESCRIPTION_EN,
            "audience": SEED_AUDIENCE,
            "audience_en": SEED_AUDIENCE_EN,
            "organizer_description": SEED_ABOUT,
            "organizer_description_en": SEED_ABOUT_EN,
            "status": Program.Status.PUBLISHED,
        },
    )
    objectives = {}
    for number, (text, text_en) in enumerate(zip(SEED_OBJECTIVES, OBJECTIVES_EN, strict=True), 1):
        objectives[number], _created = Objective.objects.update_or_create(
            program=program, number=number, defaults={"text": text, "text_en": text_en}
        )
    modules = {}
    for position, module in enumerate(MODULES, 1):
        title, title_en, description, description_en, minutes, method, numbers = module
        modules[position], _created = Module.objects.update_or_create(
            program=program,
            position=position,
            defaults={
                "title": title,
                "title_en": title_en,
                "description": description,
                "description_en": description_en,
                "duration_minutes": minutes,
                "method": method,
            },
        )
        modules[position].objectives.set([objectives[number] for number in numbers])
    today = timezone.localdate()
    _load_cohort(
        program=program,
        title="İzmir dönemi",
        starts_on=today + dt.timedelta(days=28),
        province="İzmir",
        district="Konak",
        capacity=24,
        facilitators=facilitators,
        modules=modules,
    )
    _load_cohort(
        program=program,
        title="Ankara dönemi",
        starts_on=today - dt.timedelta(days=60),
        province="Ankara",
        district="Çankaya",
        capacity=20,
        facilitators=facilitators[:1],
        modules=modules,
    )
    for practice in GOOD_PRACTICES:
        fields = {key: value for key, value in practice.items() if key not in {"modules", "types"}}
        item, _created = GoodPractice.objects.update_or_create(
            title=fields.pop("title"), defaults=fields
        )
        item.modules.set([modules[position] for position in practice["modules"]])
        item.collaboration_types.set(CollaborationType.objects.filter(slug__in=practice["types"]))
    return program


def _load_cohort(
    *,
    program: Program,
    title: str,
    starts_on: dt.date,
    province: str,
    district: str,
    capacity: int,
    facilitators: list,
    modules: dict,
) -> Cohort:
    tz = timezone.get_current_timezone()
    opens = dt.datetime.combine(starts_on - dt.timedelta(days=45), dt.time(9, 0), tzinfo=tz)
    cohort, created = Cohort.objects.get_or_create(
        program=program,
        title=title,
        defaults={
            "starts_on": starts_on,
            "ends_on": starts_on + dt.timedelta(days=1),
            "province": Province.objects.get(name=province),
            "district": district,
            "venue": "Genç İşi Kooperatif eğitim salonu",
            "capacity": capacity,
            "registration_opens_at": opens,
            "registration_closes_at": dt.datetime.combine(
                starts_on - dt.timedelta(days=3), dt.time(23, 59), tzinfo=tz
            ),
            "requires_approval": True,
            "attendance_threshold": 80,
            "status": Cohort.Status.PUBLISHED,
        },
    )
    if created:
        cohort.facilitators.set(facilitators)
    if not cohort.sessions.exists():
        for offset, start, end, positions, session_title in SCHEDULE:
            day = cohort.starts_on + dt.timedelta(days=offset)
            session = Session.objects.create(
                cohort=cohort,
                title=session_title,
                starts_at=dt.datetime.combine(day, dt.time(*start), tzinfo=tz),
                ends_at=dt.datetime.combine(day, dt.time(*end), tzinfo=tz),
                room="Salon A",
            )
            session.modules.set([modules[position] for position in positions])
    cohort.sessions.filter(title=LIVE_LINK_TITLE, online_url="").update(
        online_url=LIVE_LINK_URL.format(slug=turkish_slugify(title))
    )
    return cohort
