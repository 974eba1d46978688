"""The demo legal library, taken only from `shared/LEGAL_FACTS.md`.

Every reference starts "awaiting legal review": the facts come from secondary sources and were not
checked against the official text. Items the facts mark as only partly verified say so in their
summary and notes. Headings the facts do not give are left empty rather than guessed.

Each Turkish text that has an English field (summary, explanation, conditions, open questions,
step, suggested responsible) is followed by its translation for the English UI, which says no more
and no less than the Turkish: the same articles, the same hedges. Laws take their usual English
names ("Municipal Law No. 5393"), articles are written "Art. 14". Review notes and article headings
have no English field and stay Turkish.
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
BILL_NOTE_EN = (
    "A 2026 bill provides for making municipalities' partnership in cooperatives subject to "
    "presidential approval; it is not known whether the bill has been enacted, and this must be "
    "checked."
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


# (kind, law number, law name, article, heading, domain, summary, English summary, review notes);
# the review notes are Turkish only (the model has no English field for them).
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
        (
            "Lists the characteristics of the Republic; the principle of the social state is among "
            "them. It is the constitutional source of the social-state idea that the training "
            "relies on for municipalities' social policies."
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
        (
            "Sets out the State's duty to develop cooperatives. It is the general constitutional "
            "framework for public bodies working with cooperatives."
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
        (
            "Lists the duties and responsibilities of the municipality; social services and aid, "
            "vocational and skills training, and developing the economy are among them. The "
            "municipality carries out these services itself or has them carried out: the word "
            '"yaptırır" ("has it carried out") is the basis in municipal legislation for buying a '
            "service from a cooperative."
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
        (
            "Lists the powers and privileges of the municipality. According to secondary sources, "
            "accepting donations is also among these powers (partly verified information)."
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
        (
            "Lists the duties and powers of the municipal council; for example, founding a company "
            "and joining unions take place by decision of the council. In collaborations such as "
            "partnership, it is examined as the basis of the council-decision process."
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
        (
            "Lists exhaustively (a closed list) the expenses the municipality may incur. According "
            "to secondary sources, item (f) covers partnership shares and membership fees (partly "
            "verified information)."
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
        (
            "According to secondary sources, the municipality may found companies only in matters "
            "related to its areas of duty; this requires a council decision and presidential "
            "permission (Law No. 4046, Art. 26) (partly verified information)."
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
        (
            "Governs joint service projects between the municipality and the bodies listed in the "
            "article. According to secondary sources, cooperatives are not among these bodies "
            "(partly verified information)."
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
        (
            "Governs volunteer participation in municipal services; the implementing regulation "
            "accepts that legal persons may also take part as volunteers."
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
        (
            "Sets out the duties of the metropolitan municipality; it is the metropolitan "
            "counterpart of the duties provision of the Municipal Law (No. 5393). In matters on "
            "which Law No. 5216 has no provision, Law No. 5393 applies."
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
        (
            "Sets out the expenses of the metropolitan municipality; it is the metropolitan "
            "counterpart of the expenses provision in the Municipal Law (No. 5393)."
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
        (
            "Governs the founding of companies by the metropolitan municipality; it is the "
            "metropolitan counterpart of the company-founding provision in the Municipal Law (No. "
            "5393)."
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
        (
            "Defines a cooperative: a body whose number of members and capital can vary, and which "
            "can be founded by natural and legal persons."
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
        (
            "Provides that public legal persons may help found cooperatives and may become "
            "partners in cooperatives. It is the basis in cooperative legislation for a "
            "municipality becoming a partner in a cooperative."
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
        (
            "Lists the exceptional purchases to which the Law does not apply. According to "
            "secondary sources, there is no exemption for cooperatives: a cooperative bids like "
            "any supplier."
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
        (
            "Governs direct procurement (doğrudan temin), a procedure used for purchases of goods "
            "and services. Under this procedure too, a cooperative is subject to the same rules as "
            "other suppliers."
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
        (
            "Governs aid from budgets to associations, foundations, unions and similar bodies; the "
            'article does not name "kooperatif" (cooperative) separately.'
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
        (
            "Sets out the conditions for giving aid from the budget: the receiving body must not "
            "distribute its profit to its members. A cooperative that distributes its surplus to "
            "its members most likely does not meet this condition; a social cooperative that "
            "distributes no profit may meet it (a legal opinion is needed)."
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
        (
            "Provides that a municipality needs presidential permission to found a company or to "
            "participate in capital; it is read together with Municipal Law No. 5393, Art. 70."
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
        (
            "Contains the provisions on consent in the processing of personal data. It is taken "
            "into account when personal data are processed in registrations for the training."
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
        "Governs the erasure of personal data.",
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
        (
            "Sets out the data controller's duty to inform (aydınlatma) the persons whose data are "
            "processed."
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
        "Lists the rights of the person whose data are processed (the data subject).",
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
        (
            "Provides that an application by the data subject must be answered within 30 days at "
            "the latest."
        ),
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

# type slug → [(law number or law name, article, side, effect, explanation, English explanation,
#               conditions, English conditions, open questions, English open questions)];
# an English text is empty exactly where its Turkish one is.
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
            (
                "The municipality may carry out the services within its area of duty itself, and "
                "it may also have them carried out. Buying a service such as social services or "
                "vocational and skills training from a cooperative rests on this power of "
                '"yaptırma" (having a service carried out).'
            ),
            "Satın alınan hizmet belediyenin görev ve sorumluluk alanında olmalıdır.",
            (
                "The service bought must fall within the municipality's area of duties and "
                "responsibilities."
            ),
            "",
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
            (
                "According to secondary sources, public procurement legislation has no exemption "
                "for cooperatives: a cooperative takes part in a tender or submits an offer like "
                "any supplier."
            ),
            "Alım, 4734 sayılı Kanun'daki usullerden birine göre yapılmalıdır.",
            "The purchase must be made under one of the procedures of Law No. 4734.",
            "İstisnalar maddesinin güncel metni hukuk birimince kontrol edilmelidir.",
            "The current text of the exemptions article must be checked by the legal department.",
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
            (
                "Direct procurement (doğrudan temin) is one of the purchasing procedures set out "
                "in the Law; under this procedure too, a cooperative may submit an offer like "
                "other suppliers."
            ),
            "Doğrudan temin yalnızca maddede sayılan hâllerde kullanılabilir.",
            "Direct procurement may be used only in the cases listed in the article.",
            (
                "Doğrudan teminin hangi hâllerde kullanılabileceği bu kütüphanede henüz "
                "doğrulanmadı."
            ),
            (
                "The cases in which direct procurement may be used have not yet been verified in "
                "this library."
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
            (
                "According to secondary sources, accepting donations is among the municipality's "
                "powers; accepting a donation made by a cooperative to the municipality may rest "
                "on this article."
            ),
            "",
            "",
            (
                "Maddenin bağış kabulüne ilişkin güncel ifadesi doğrulanmalıdır (kısmen "
                "doğrulanmış bilgi)."
            ),
            (
                "The current wording of the article on accepting donations must be verified "
                "(partly verified information)."
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
            (
                "Aid from the budget may be given to associations, foundations, unions and similar "
                "bodies; the article does not name cooperatives separately."
            ),
            "Yardım alacak kuruluş maddenin kapsamına girmelidir.",
            "The body that is to receive the aid must fall within the scope of the article.",
            (
                'Bir kooperatifin "benzeri kuruluş" sayılıp sayılamayacağı hakkında hukuki görüş '
                "alınmalıdır."
            ),
            (
                'A legal opinion must be obtained on whether a cooperative can count as a "benzeri '
                'kuruluş" (similar body).'
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
            (
                "The body receiving aid must not distribute its profit to its members. A "
                "cooperative that distributes its surplus to its members most likely does not meet "
                "this condition; a social cooperative that distributes no profit may meet it."
            ),
            "Kooperatifin kâr (artık) dağıtmadığı belgelenmelidir.",
            "It must be documented that the cooperative does not distribute profit (surplus).",
            (
                "Kâr dağıtmayan bir sosyal kooperatifin yardım alıp alamayacağı için hukuki görüş "
                "gerekir."
            ),
            (
                "A legal opinion is needed on whether a social cooperative that distributes no "
                "profit can receive aid."
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
            (
                "The article governs joint service projects between the municipality and the "
                "bodies it lists; according to secondary sources, cooperatives are not among these "
                "bodies. A legal opinion must therefore be obtained before a joint service project "
                "with a cooperative is based on this article."
            ),
            "",
            "",
            "Maddenin güncel metni ve kooperatiflerin sayılmadığı bilgisi teyit edilmelidir.",
            (
                "The current text of the article, and the information that cooperatives are not "
                "listed, must be confirmed."
            ),
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
            (
                "Governs volunteer participation in municipal services; the implementing "
                "regulation accepts that legal persons may also take part as volunteers. A "
                "cooperative's participation in municipal services in this way can be considered."
            ),
            "Katılım gönüllülük esasına dayanır.",
            "Participation is on a voluntary basis.",
            "",
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
            (
                "Public legal persons may help found cooperatives and may become partners in "
                "cooperatives. It is the basis in cooperative legislation for a municipality "
                "becoming a partner in a cooperative."
            ),
            "",
            "",
            BILL_NOTE,
            BILL_NOTE_EN,
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
            (
                "Decisions such as founding a company or joining unions belong to the municipal "
                "council. For a decision to become a partner in a cooperative, the "
                "council-decision process must be examined within the framework of this article."
            ),
            "Belediye meclisinin karar alması; kararın kapsamı hukuk birimince belirlenmelidir.",
            (
                "A decision of the municipal council; the scope of the decision must be determined "
                "by the legal department."
            ),
            "",
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
            (
                "According to secondary sources, the municipality's expenses form a closed list, "
                "and item (f) covers partnership shares and membership fees; paying a partnership "
                "share in a cooperative may rest on this item."
            ),
            "Gider, maddede sayılanlardan biri olmalıdır.",
            "The expense must be one of those listed in the article.",
            "(f) bendinin güncel ifadesi teyit edilmelidir (kısmen doğrulanmış bilgi).",
            "The current wording of item (f) must be confirmed (partly verified information).",
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
            (
                "According to secondary sources, the municipality may found companies only in "
                "matters related to its areas of duty; a council decision and presidential "
                "permission (Law No. 4046, Art. 26) are required."
            ),
            "Görev alanıyla ilgi, meclis kararı ve Cumhurbaşkanı izni.",
            "Relation to an area of duty, a council decision and presidential permission.",
            "Maddenin güncel metni ve bu koşulların kooperatif ortaklığına uygulanıp "
            "uygulanmadığı teyit edilmelidir. " + BILL_NOTE,
            (
                "The current text of the article, and whether these conditions apply to "
                "partnership in a cooperative, must be confirmed. " + BILL_NOTE_EN
            ),
        ),
        (
            "4046",
            "26",
            "general",
            "limits",
            "Belediyenin şirket kurması veya sermayeye katılması Cumhurbaşkanı iznine bağlıdır.",
            (
                "A municipality founding a company or participating in capital is subject to "
                "presidential permission."
            ),
            "Cumhurbaşkanı izni.",
            "Presidential permission.",
            "Bu iznin kooperatif ortaklığına uygulanıp uygulanmadığı hukuki görüş gerektirir. "
            + BILL_NOTE,
            (
                "Whether this permission applies to partnership in a cooperative requires a "
                "legal opinion. " + BILL_NOTE_EN
            ),
        ),
    ],
}

# type slug → [(step, English step, suggested responsible, English suggested responsible,
#               offset in days, [(law number or name, article)])]
STEP_TEMPLATES = {
    "mal-ve-hizmet-alimi": [
        (
            (
                "Satın alınacak hizmetin belediyenin görev alanında olduğunun belirlenmesi (5393 "
                "m.14)"
            ),
            (
                "Establish that the service to be bought falls within the municipality's area of "
                "duty (Law No. 5393, Art. 14)"
            ),
            "İlgili müdürlük",
            "Relevant directorate",
            0,
            [("5393", "14")],
        ),
        (
            (
                "Alım usulünün hukuk birimiyle birlikte belirlenmesi: kooperatif, diğer "
                "tedarikçiler gibi 4734 sayılı Kanun'daki usullere tabidir (4734 m.3, m.22)"
            ),
            (
                "Determine the purchasing procedure together with the legal department: like other "
                "suppliers, the cooperative is subject to the procedures of Law No. 4734 (Law No. "
                "4734, Art. 3, Art. 22)"
            ),
            "Destek hizmetleri / satın alma birimi",
            "Support services / procurement unit",
            7,
            [("4734", "3"), ("4734", "22")],
        ),
        (
            "İhtiyacın ve beklenen hizmetin yazılı olarak tanımlanması",
            "Define the need and the expected service in writing",
            "İlgili müdürlük",
            "Relevant directorate",
            14,
            [],
        ),
        (
            "Kooperatifin teklifinin hazırlanması ve sunulması",
            "Prepare and submit the cooperative's offer",
            "Kooperatif yönetim kurulu",
            "Cooperative board of directors",
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
            (
                "Determine which way the aid goes and its legal basis: accepting a donation (Law "
                "No. 5393, Art. 15) or aid from the budget (Law No. 5018, Art. 29)?"
            ),
            "Mali hizmetler birimi",
            "Financial services unit",
            0,
            [("5393", "15"), ("5018", "29")],
        ),
        (
            (
                "Kooperatifin kâr (artık) dağıtıp dağıtmadığının ana sözleşmesinden incelenmesi "
                "ve hukuki görüş alınması (yönetmelik m.5)"
            ),
            (
                "Examine the cooperative's articles of association to see whether it distributes "
                "profit (surplus), and obtain a legal opinion (regulation, Art. 5)"
            ),
            "Belediye hukuk birimi",
            "Municipal legal department",
            7,
            [(AID_REGULATION, "5")],
        ),
        (
            "Ana sözleşme ve faaliyet bilgilerinin belediyeye sunulması",
            "Submit the articles of association and activity information to the municipality",
            "Kooperatif yönetim kurulu",
            "Cooperative board of directors",
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
            (
                "Determine the area of joint work and the framework of volunteer participation "
                "(Law No. 5393, Art. 77)"
            ),
            "İlgili müdürlük",
            "Relevant directorate",
            0,
            [("5393", "77")],
        ),
        (
            (
                "Ortak hizmet projesi düşünülüyorsa hukuki görüş alınması: kooperatifler 5393 "
                "m.75'te sayılmıyor olabilir"
            ),
            (
                "If a joint service project is being considered, obtain a legal opinion: "
                "cooperatives may not be listed in Law No. 5393, Art. 75"
            ),
            "Belediye hukuk birimi",
            "Municipal legal department",
            7,
            [("5393", "75")],
        ),
        (
            "Düzenli eşgüdüm toplantılarının takviminin ve iletişim kişilerinin belirlenmesi",
            "Set the schedule of regular coordination meetings and name the contact persons",
            "Kooperatif yönetim kurulu ve ilgili müdürlük",
            "Cooperative board of directors and relevant directorate",
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
            (
                "Examine how the partnership relates to the municipality's area of duty, and its "
                "legal basis (Law No. 1163, Art. 9; Law No. 5393, Art. 70)"
            ),
            "Belediye hukuk birimi",
            "Municipal legal department",
            0,
            [("1163", "9"), ("5393", "70")],
        ),
        (
            (
                "Cumhurbaşkanı izninin gerekip gerekmediğinin ve 2026 kanun teklifinin durumunun "
                "araştırılması (4046 m.26)"
            ),
            (
                "Find out whether presidential permission is needed, and the status of the 2026 "
                "bill (Law No. 4046, Art. 26)"
            ),
            "Belediye hukuk birimi",
            "Municipal legal department",
            7,
            [("4046", "26")],
        ),
        (
            "Ortaklık payının bütçede karşılanabilirliğinin incelenmesi (5393 m.60)",
            (
                "Examine whether the partnership share can be covered by the budget (Law No. 5393, "
                "Art. 60)"
            ),
            "Mali hizmetler birimi",
            "Financial services unit",
            14,
            [("5393", "60")],
        ),
        (
            "Meclis kararı taslağının hazırlanması (5393 m.18)",
            "Prepare a draft council decision (Law No. 5393, Art. 18)",
            "İlgili müdürlük",
            "Relevant directorate",
            21,
            [("5393", "18")],
        ),
        (
            "Meclis kararının alınması (5393 m.18)",
            "Adopt the council decision (Law No. 5393, Art. 18)",
            "Belediye meclisi",
            "Municipal council",
            35,
            [("5393", "18")],
        ),
        (
            "Belediyenin ortaklık başvurusunun kooperatifte değerlendirilmesi (1163 m.9)",
            (
                "Assess, within the cooperative, the municipality's application to become a "
                "partner (Law No. 1163, Art. 9)"
            ),
            "Kooperatif yönetim kurulu",
            "Cooperative board of directors",
            45,
            [("1163", "9")],
        ),
    ],
}
