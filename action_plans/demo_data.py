"""The demo legal library, taken only from `shared/LEGAL_FACTS.md`.

Every reference starts "awaiting legal review": the facts come from secondary sources and were not
checked against the official text. Items the facts mark as only partly verified say so in their
summary and notes. Headings the facts do not give are left empty rather than guessed.
"""

SOURCE_NOTE = (
    "Bilgiler ikincil kaynaklardan derlendi; mevzuat.gov.tr'deki resmî metinle henüz "
    "karşılaştırılmadı."
)
PARTLY_VERIFIED_NOTE = (
    "Bu bilgi kaynaklarda yalnızca kısmen doğrulandı: maddenin güncel ifadesi resmî metinden "
    "teyit edilmelidir."
)
BILL_NOTE = (
    "2026 tarihli bir kanun teklifi, belediyelerin kooperatiflere ortak olmasını Cumhurbaşkanı "
    "onayına bağlamayı öngörüyor; teklifin yasalaşıp yasalaşmadığı bilinmiyor, kontrol "
    "edilmelidir."
)
NO_HEADING_NOTE = "Madde başlığı kaynaklarda bulunamadığı için boş bırakıldı."

CONSTITUTION = "Türkiye Cumhuriyeti Anayasası"
MUNICIPAL = "Belediye Kanunu"
METROPOLITAN = "Büyükşehir Belediyesi Kanunu"
COOPERATIVES = "Kooperatifler Kanunu"
PROCUREMENT = "Kamu İhale Kanunu"
FINANCE = "Kamu Mali Yönetimi ve Kontrol Kanunu"
PRIVATISATION = "Özelleştirme Uygulamaları Kanunu"
DATA_PROTECTION = "Kişisel Verilerin Korunması Kanunu"
AID_REGULATION = (
    "Dernek, vakıf ve benzeri kuruluşlara bütçeden yardım yapılmasına ilişkin yönetmelik "
    "(Resmî Gazete, 17/7/2006)"
)


def _notes(*parts: str) -> str:
    return "\n".join((SOURCE_NOTE, *parts))


# (kind, law number, law name, article, heading, domain, summary, review notes)
REFERENCES = [
    (
        "law",
        "2709",
        CONSTITUTION,
        "2",
        "Cumhuriyetin nitelikleri",
        "constitution",
        (
            "Cumhuriyetin niteliklerini sayar; sosyal devlet ilkesi bunlar arasındadır. Eğitimin "
            "belediyelerin sosyal politikaları için dayandığı sosyal devlet anlayışının anayasal "
            "kaynağıdır."
        ),
        _notes(),
    ),
    (
        "law",
        "2709",
        CONSTITUTION,
        "171",
        "Kooperatifçiliğin geliştirilmesi",
        "constitution",
        (
            "Devletin kooperatifçiliği geliştirme görevini düzenler. Kamu kurumlarının "
            "kooperatiflerle çalışmasının genel anayasal çerçevesidir."
        ),
        _notes(),
    ),
    (
        "law",
        "5393",
        MUNICIPAL,
        "14",
        "Görev ve sorumluluklar",
        "municipal",
        (
            "Belediyenin görev ve sorumluluklarını sayar; sosyal hizmet ve yardım, meslek ve "
            "beceri kazandırma, ekonominin geliştirilmesi bunlar arasındadır. Belediye bu "
            'hizmetleri kendisi yapar veya yaptırır: "yaptırır" ifadesi, bir hizmetin '
            "kooperatiften satın alınmasının belediye mevzuatındaki dayanağıdır."
        ),
        _notes(),
    ),
    (
        "law",
        "5393",
        MUNICIPAL,
        "15",
        "Yetkiler ve imtiyazlar",
        "municipal",
        (
            "Belediyenin yetki ve imtiyazlarını sayar. İkincil kaynaklara göre bağış kabul etmek "
            "de bu yetkiler arasındadır (kısmen doğrulanmış bilgi)."
        ),
        _notes(PARTLY_VERIFIED_NOTE),
    ),
    (
        "law",
        "5393",
        MUNICIPAL,
        "18",
        "Meclisin görev ve yetkileri",
        "municipal",
        (
            "Belediye meclisinin görev ve yetkilerini sayar; örneğin şirket kurulması ve "
            "birliklere katılma meclis kararıyla olur. Ortaklık gibi işbirliklerinde meclis "
            "kararı sürecinin dayanağı olarak incelenir."
        ),
        _notes(),
    ),
    (
        "law",
        "5393",
        MUNICIPAL,
        "60",
        "Giderler",
        "municipal",
        (
            "Belediyenin yapabileceği giderleri sınırlı olarak (kapalı liste) sayar. İkincil "
            "kaynaklara göre (f) bendi ortaklık paylarını ve üyelik aidatlarını kapsar (kısmen "
            "doğrulanmış bilgi)."
        ),
        _notes(PARTLY_VERIFIED_NOTE, "(f) bendinin güncel ifadesi ayrıca kontrol edilmelidir."),
    ),
    (
        "law",
        "5393",
        MUNICIPAL,
        "70",
        "Şirket kurma",
        "municipal",
        (
            "İkincil kaynaklara göre belediye yalnızca görev alanlarıyla ilgili konularda şirket "
            "kurabilir; bunun için meclis kararı ve Cumhurbaşkanı izni (4046 sayılı Kanun m.26) "
            "gerekir (kısmen doğrulanmış bilgi)."
        ),
        _notes(PARTLY_VERIFIED_NOTE, BILL_NOTE),
    ),
    (
        "law",
        "5393",
        MUNICIPAL,
        "75",
        "Diğer kuruluşlarla ilişkiler",
        "municipal",
        (
            "Belediyenin maddede sayılan kuruluşlarla ortak hizmet projeleri yapmasını düzenler. "
            "İkincil kaynaklara göre kooperatifler bu kuruluşlar arasında sayılmaz (kısmen "
            "doğrulanmış bilgi)."
        ),
        _notes(PARTLY_VERIFIED_NOTE),
    ),
    (
        "law",
        "5393",
        MUNICIPAL,
        "77",
        "Gönüllü katılım",
        "municipal",
        (
            "Belediye hizmetlerine gönüllü katılımı düzenler; uygulama yönetmeliği tüzel "
            "kişilerin de gönüllü olarak katılabileceğini kabul eder."
        ),
        _notes(),
    ),
    (
        "law",
        "5216",
        METROPOLITAN,
        "7",
        "Görev",
        "municipal",
        (
            "Büyükşehir belediyesinin görevlerini düzenler; Belediye Kanunu'nun (5393) görev "
            "hükmünün büyükşehirdeki karşılığıdır. 5216 sayılı Kanun'da hüküm bulunmayan "
            "konularda 5393 sayılı Kanun uygulanır."
        ),
        _notes(),
    ),
    (
        "law",
        "5216",
        METROPOLITAN,
        "24",
        "Giderler",
        "municipal",
        (
            "Büyükşehir belediyesinin giderlerini düzenler; Belediye Kanunu'ndaki giderler "
            "hükmünün büyükşehirdeki karşılığıdır."
        ),
        _notes(),
    ),
    (
        "law",
        "5216",
        METROPOLITAN,
        "26",
        "Şirket kurulması",
        "municipal",
        (
            "Büyükşehir belediyesinin şirket kurmasını düzenler; Belediye Kanunu'ndaki şirket "
            "kurma hükmünün büyükşehirdeki karşılığıdır."
        ),
        _notes(),
    ),
    (
        "law",
        "1163",
        COOPERATIVES,
        "1",
        "Tarif",
        "cooperative",
        (
            "Kooperatifi tanımlar: ortak sayısı ve sermayesi değişebilen, gerçek ve tüzel "
            "kişilerce kurulabilen bir kuruluştur."
        ),
        _notes(),
    ),
    (
        "law",
        "1163",
        COOPERATIVES,
        "9",
        "Tüzel kişilerin ortaklığı",
        "cooperative",
        (
            "Kamu tüzel kişilerinin kooperatif kurulmasına yardım edebileceğini ve kooperatiflere "
            "ortak olabileceğini düzenler. Belediyenin bir kooperatife ortak olmasının kooperatif "
            "mevzuatındaki dayanağıdır."
        ),
        _notes(BILL_NOTE),
    ),
    (
        "law",
        "4734",
        PROCUREMENT,
        "3",
        "İstisnalar",
        "procurement",
        (
            "Kanunun uygulanmayacağı istisnai alımları sayar. İkincil kaynaklara göre "
            "kooperatifler için bir istisna yoktur: kooperatif, her tedarikçi gibi teklif verir."
        ),
        _notes(
            'Kaynaklarda 4734 m.3 ve m.22 için güven düzeyi "doğrulandı/kısmen" olarak '
            "belirtildi; hangi bilginin kısmen doğrulandığı teyit edilmelidir."
        ),
    ),
    (
        "law",
        "4734",
        PROCUREMENT,
        "22",
        "Doğrudan temin",
        "procurement",
        (
            "Mal ve hizmet alımlarında kullanılan doğrudan temin usulünü düzenler. Kooperatif bu "
            "usulde de diğer tedarikçilerle aynı kurallara tabidir."
        ),
        _notes(
            'Kaynaklarda 4734 m.3 ve m.22 için güven düzeyi "doğrulandı/kısmen" olarak '
            "belirtildi; doğrudan teminin hangi hâllerde kullanılabileceği resmî metinden "
            "kontrol edilmelidir."
        ),
    ),
    (
        "law",
        "5018",
        FINANCE,
        "29",
        "Bütçelerden yardım yapılması",
        "public_finance",
        (
            "Bütçelerden dernek, vakıf, birlik ve benzeri kuruluşlara yardım yapılmasını "
            'düzenler; maddede "kooperatif" ayrıca sayılmaz.'
        ),
        _notes('Kooperatiflerin "benzeri kuruluş" sayılıp sayılmayacağı hukuki görüş gerektirir.'),
    ),
    (
        "regulation",
        "",
        AID_REGULATION,
        "5",
        "",
        "public_finance",
        (
            "Bütçeden yardım yapılabilmesinin koşullarını düzenler: yardım alan kuruluş kârını "
            "üyelerine dağıtmamalıdır. Artığını ortaklarına dağıtan bir kooperatif büyük "
            "olasılıkla bu koşulu karşılamaz; kâr dağıtmayan bir sosyal kooperatif karşılayabilir "
            "(hukuki görüş gerekir)."
        ),
        _notes(
            "Yönetmeliğin resmî adı ve resmî bağlantısı doğrulanmadı (yönetmelikler "
            "mevzuat.gov.tr'de farklı kodlarla yayımlanır).",
            NO_HEADING_NOTE,
        ),
    ),
    (
        "law",
        "4046",
        PRIVATISATION,
        "26",
        "",
        "other",
        (
            "Belediyenin şirket kurması veya sermayeye katılması için Cumhurbaşkanı izni "
            "gerektiğini düzenler; Belediye Kanunu m.70 ile birlikte okunur."
        ),
        _notes(NO_HEADING_NOTE, "Kanunun resmî adı teyit edilmelidir.", BILL_NOTE),
    ),
    (
        "law",
        "6698",
        DATA_PROTECTION,
        "5",
        "",
        "data_protection",
        (
            "Kişisel verilerin işlenmesinde rızaya ilişkin hükümleri içerir. Eğitim kayıtlarında "
            "kişisel veri işlenirken dikkate alınır."
        ),
        _notes(NO_HEADING_NOTE),
    ),
    (
        "law",
        "6698",
        DATA_PROTECTION,
        "7",
        "",
        "data_protection",
        "Kişisel verilerin silinmesini düzenler.",
        _notes(NO_HEADING_NOTE),
    ),
    (
        "law",
        "6698",
        DATA_PROTECTION,
        "10",
        "",
        "data_protection",
        (
            "Veri sorumlusunun, verisi işlenen kişileri bilgilendirme (aydınlatma) yükümlülüğünü "
            "düzenler."
        ),
        _notes(NO_HEADING_NOTE),
    ),
    (
        "law",
        "6698",
        DATA_PROTECTION,
        "11",
        "",
        "data_protection",
        "Verisi işlenen kişinin (ilgili kişinin) haklarını sayar.",
        _notes(NO_HEADING_NOTE),
    ),
    (
        "law",
        "6698",
        DATA_PROTECTION,
        "13",
        "",
        "data_protection",
        "İlgili kişinin başvurusunun en geç 30 gün içinde yanıtlanmasını düzenler.",
        _notes(NO_HEADING_NOTE),
    ),
]

# Each: slug, name, English name, description, English description.
COLLABORATION_TYPES = [
    (
        "mal-ve-hizmet-alimi",
        "Mal ve hizmet alımı",
        "Procurement of goods and services",
        (
            "Belediyenin bir kooperatiften mal veya hizmet satın alması. Kooperatif, kamu ihale "
            "mevzuatına göre diğer tedarikçilerle aynı koşullarda teklif verir."
        ),
        (
            "The municipality buys goods or services from a cooperative, which bids under public "
            "procurement law like any other supplier."
        ),
    ),
    (
        "bagis",
        "Bağış",
        "Donation and aid",
        (
            "Belediye ile kooperatif arasında bağış ve yardım ilişkisi: belediyenin bağış kabul "
            "etmesi ya da bütçesinden yardım yapması."
        ),
        (
            "Donations and aid between the municipality and a cooperative: the municipality "
            "accepting a donation, or giving aid from its budget."
        ),
    ),
    (
        "esgudum",
        "Eşgüdüm",
        "Coordination",
        (
            "Belediye ile kooperatifin çalışmalarını birlikte planlaması ve yürütmesi; örneğin "
            "belediye hizmetlerine gönüllü katılım."
        ),
        (
            "The municipality and a cooperative plan and carry out their work together, for "
            "example through volunteer participation in municipal services."
        ),
    ),
    (
        "ortaklik",
        "Ortaklık",
        "Partnership",
        "Belediyenin bir kooperatife ortak olması veya kuruluşuna katılması.",
        "The municipality becomes a partner (member) of a cooperative or helps found one.",
    ),
]

# type slug → [(law number or law name, article, side, effect, explanation, conditions,
#               open questions)]
BASES = {
    "mal-ve-hizmet-alimi": [
        (
            "5393",
            "14",
            "municipal",
            "enables",
            (
                "Belediye görev alanındaki hizmetleri kendisi yapabileceği gibi yaptırabilir de. "
                "Sosyal hizmet, meslek ve beceri kazandırma gibi bir hizmetin kooperatiften satın "
                'alınması bu "yaptırma" yetkisine dayanır.'
            ),
            "Satın alınan hizmet belediyenin görev ve sorumluluk alanında olmalıdır.",
            "",
        ),
        (
            "4734",
            "3",
            "general",
            "limits",
            (
                "İkincil kaynaklara göre kamu ihale mevzuatında kooperatifler için bir istisna "
                "yoktur: kooperatif, herhangi bir tedarikçi gibi ihaleye veya teklife katılır."
            ),
            "Alım, 4734 sayılı Kanun'daki usullerden birine göre yapılmalıdır.",
            "İstisnalar maddesinin güncel metni hukuk birimince kontrol edilmelidir.",
        ),
        (
            "4734",
            "22",
            "general",
            "enables",
            (
                "Doğrudan temin, kanunda düzenlenen alım usullerinden biridir; kooperatif bu "
                "usulde de diğer tedarikçiler gibi teklif verebilir."
            ),
            "Doğrudan temin yalnızca maddede sayılan hâllerde kullanılabilir.",
            (
                "Doğrudan teminin hangi hâllerde kullanılabileceği bu kütüphanede henüz "
                "doğrulanmadı."
            ),
        ),
    ],
    "bagis": [
        (
            "5393",
            "15",
            "municipal",
            "enables",
            (
                "İkincil kaynaklara göre bağış kabul etmek belediyenin yetkileri arasındadır; bir "
                "kooperatifin belediyeye yaptığı bağışın kabulü bu maddeye dayanabilir."
            ),
            "",
            (
                "Maddenin bağış kabulüne ilişkin güncel ifadesi doğrulanmalıdır (kısmen "
                "doğrulanmış bilgi)."
            ),
        ),
        (
            "5018",
            "29",
            "general",
            "limits",
            (
                "Bütçeden yardım dernek, vakıf, birlik ve benzeri kuruluşlara yapılabilir; "
                "maddede kooperatif ayrıca sayılmaz."
            ),
            "Yardım alacak kuruluş maddenin kapsamına girmelidir.",
            (
                'Bir kooperatifin "benzeri kuruluş" sayılıp sayılamayacağı hakkında hukuki görüş '
                "alınmalıdır."
            ),
        ),
        (
            AID_REGULATION,
            "5",
            "general",
            "limits",
            (
                "Yardım alan kuruluş kârını üyelerine dağıtmamalıdır. Artığını ortaklarına "
                "dağıtan bir kooperatif büyük olasılıkla bu koşulu karşılamaz; kâr dağıtmayan bir "
                "sosyal kooperatif karşılayabilir."
            ),
            "Kooperatifin kâr (artık) dağıtmadığı belgelenmelidir.",
            (
                "Kâr dağıtmayan bir sosyal kooperatifin yardım alıp alamayacağı için hukuki görüş "
                "gerekir."
            ),
        ),
    ],
    "esgudum": [
        (
            "5393",
            "75",
            "municipal",
            "limits",
            (
                "Madde, belediyenin sayılan kuruluşlarla ortak hizmet projeleri yapmasını "
                "düzenler; ikincil kaynaklara göre kooperatifler bu kuruluşlar arasında sayılmaz. "
                "Bu nedenle kooperatifle ortak hizmet projesi bu maddeye dayandırılmadan önce "
                "hukuki görüş alınmalıdır."
            ),
            "",
            "Maddenin güncel metni ve kooperatiflerin sayılmadığı bilgisi teyit edilmelidir.",
        ),
        (
            "5393",
            "77",
            "municipal",
            "enables",
            (
                "Belediye hizmetlerine gönüllü katılımı düzenler; uygulama yönetmeliği tüzel "
                "kişilerin de gönüllü katılabileceğini kabul eder. Bir kooperatifin bu yolla "
                "belediye hizmetlerine katılımı değerlendirilebilir."
            ),
            "Katılım gönüllülük esasına dayanır.",
            "",
        ),
    ],
    "ortaklik": [
        (
            "1163",
            "9",
            "cooperative",
            "enables",
            (
                "Kamu tüzel kişileri kooperatif kurulmasına yardım edebilir ve kooperatiflere "
                "ortak olabilir. Belediyenin bir kooperatife ortak olmasının kooperatif "
                "mevzuatındaki dayanağıdır."
            ),
            "",
            BILL_NOTE,
        ),
        (
            "5393",
            "18",
            "municipal",
            "enables",
            (
                "Şirket kurulması, birliklere katılma gibi kararlar belediye meclisine aittir. "
                "Kooperatife ortak olma kararı için meclis kararı süreci bu madde çerçevesinde "
                "incelenmelidir."
            ),
            "Belediye meclisinin karar alması; kararın kapsamı hukuk birimince belirlenmelidir.",
            "",
        ),
        (
            "5393",
            "60",
            "municipal",
            "enables",
            (
                "İkincil kaynaklara göre belediyenin giderleri kapalı bir listedir ve (f) bendi "
                "ortaklık paylarını ve üyelik aidatlarını kapsar; kooperatif ortaklık payının "
                "ödenmesi bu bende dayanabilir."
            ),
            "Gider, maddede sayılanlardan biri olmalıdır.",
            "(f) bendinin güncel ifadesi teyit edilmelidir (kısmen doğrulanmış bilgi).",
        ),
        (
            "5393",
            "70",
            "municipal",
            "limits",
            (
                "İkincil kaynaklara göre belediye yalnızca görev alanlarıyla ilgili konularda "
                "şirket kurabilir; meclis kararı ve Cumhurbaşkanı izni (4046 m.26) gerekir."
            ),
            "Görev alanıyla ilgi, meclis kararı ve Cumhurbaşkanı izni.",
            "Maddenin güncel metni ve bu koşulların kooperatif ortaklığına uygulanıp "
            "uygulanmadığı teyit edilmelidir. " + BILL_NOTE,
        ),
        (
            "4046",
            "26",
            "general",
            "limits",
            "Belediyenin şirket kurması veya sermayeye katılması Cumhurbaşkanı iznine bağlıdır.",
            "Cumhurbaşkanı izni.",
            "Bu iznin kooperatif ortaklığına uygulanıp uygulanmadığı hukuki görüş gerektirir. "
            + BILL_NOTE,
        ),
    ],
}

# type slug → [(step, suggested responsible, offset in days, [(law number or name, article)])]
STEP_TEMPLATES = {
    "mal-ve-hizmet-alimi": [
        (
            (
                "Satın alınacak hizmetin belediyenin görev alanında olduğunun belirlenmesi (5393 "
                "m.14)"
            ),
            "İlgili müdürlük",
            0,
            [("5393", "14")],
        ),
        (
            (
                "Alım usulünün hukuk birimiyle birlikte belirlenmesi: kooperatif, diğer "
                "tedarikçiler gibi 4734 sayılı Kanun'daki usullere tabidir (4734 m.3, m.22)"
            ),
            "Destek hizmetleri / satın alma birimi",
            7,
            [("4734", "3"), ("4734", "22")],
        ),
        (
            "İhtiyacın ve beklenen hizmetin yazılı olarak tanımlanması",
            "İlgili müdürlük",
            14,
            [],
        ),
        (
            "Kooperatifin teklifinin hazırlanması ve sunulması",
            "Kooperatif yönetim kurulu",
            30,
            [],
        ),
    ],
    "bagis": [
        (
            (
                "Yardımın yönünün ve dayanağının belirlenmesi: bağış kabulü (5393 m.15) mi, "
                "bütçeden yardım (5018 m.29) mı?"
            ),
            "Mali hizmetler birimi",
            0,
            [("5393", "15"), ("5018", "29")],
        ),
        (
            (
                "Kooperatifin kâr (artık) dağıtıp dağıtmadığının ana sözleşmesinden incelenmesi "
                "ve hukuki görüş alınması (yönetmelik m.5)"
            ),
            "Belediye hukuk birimi",
            7,
            [(AID_REGULATION, "5")],
        ),
        (
            "Ana sözleşme ve faaliyet bilgilerinin belediyeye sunulması",
            "Kooperatif yönetim kurulu",
            14,
            [],
        ),
    ],
    "esgudum": [
        (
            (
                "Birlikte çalışılacak alanın ve gönüllü katılım çerçevesinin belirlenmesi (5393 "
                "m.77)"
            ),
            "İlgili müdürlük",
            0,
            [("5393", "77")],
        ),
        (
            (
                "Ortak hizmet projesi düşünülüyorsa hukuki görüş alınması: kooperatifler 5393 "
                "m.75'te sayılmıyor olabilir"
            ),
            "Belediye hukuk birimi",
            7,
            [("5393", "75")],
        ),
        (
            "Düzenli eşgüdüm toplantılarının takviminin ve iletişim kişilerinin belirlenmesi",
            "Kooperatif yönetim kurulu ve ilgili müdürlük",
            14,
            [],
        ),
    ],
    "ortaklik": [
        (
            (
                "Ortaklığın belediyenin görev alanıyla ilişkisinin ve hukuki dayanağının "
                "incelenmesi (1163 m.9, 5393 m.70)"
            ),
            "Belediye hukuk birimi",
            0,
            [("1163", "9"), ("5393", "70")],
        ),
        (
            (
                "Cumhurbaşkanı izninin gerekip gerekmediğinin ve 2026 kanun teklifinin durumunun "
                "araştırılması (4046 m.26)"
            ),
            "Belediye hukuk birimi",
            7,
            [("4046", "26")],
        ),
        (
            "Ortaklık payının bütçede karşılanabilirliğinin incelenmesi (5393 m.60)",
            "Mali hizmetler birimi",
            14,
            [("5393", "60")],
        ),
        (
            "Meclis kararı taslağının hazırlanması (5393 m.18)",
            "İlgili müdürlük",
            21,
            [("5393", "18")],
        ),
        (
            "Meclis kararının alınması (5393 m.18)",
            "Belediye meclisi",
            35,
            [("5393", "18")],
        ),
        (
            "Belediyenin ortaklık başvurusunun kooperatifte değerlendirilmesi (1163 m.9)",
            "Kooperatif yönetim kurulu",
            45,
            [("1163", "9")],
        ),
    ],
}
