"""The word lists of the scale data: Turkish names, organisation names, the provinces' weights.

Invented people and organisations; every e-mail address ends in SCALE_EMAIL_DOMAIN (`.invalid`
never delivers), which is also how `load_scale` recognises its own rows.
"""

# fmt: off
SCALE_EMAIL_DOMAIN = "olcek.gencisi.invalid"
# Every generated person's password (one hash for all); the web benchmark signs people in with
# sessions it writes itself, this is for a person trying the data by hand.
SCALE_PASSWORD = "olcek-parola-2026"  # noqa: S105 — a throwaway database's

FEMALE_NAMES = (
    "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Meryem", "Şerife", "Zehra", "Sultan",
    "Hanife", "Merve", "Özlem", "Yasemin", "Esra", "Büşra", "Gülşen", "Şule", "İnci", "Işıl",
    "Özge", "Sibel", "Dilek", "Tülay", "Nur", "Gökçe", "Ebru", "Derya", "Çiğdem", "Gül",
    "Songül", "Nazlı", "Aslı", "Ümran", "Şeyma", "Hülya", "Sevgi", "İpek", "Didem", "Ilgın",
    "Tuğba", "Gizem",
)
MALE_NAMES = (
    "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "İsmail", "Osman",
    "Yusuf", "Murat", "Ömer", "Ramazan", "Halil", "Süleyman", "Abdullah", "Mahmut", "Recep",
    "Emre", "Oğuz", "Çağrı", "Barış", "Kaan", "Yiğit", "Ümit", "Gökhan", "Serkan", "Tolga",
    "Şükrü", "Doğan", "Erdoğan", "Cihan", "Ilgaz", "Onur", "Burak", "Uğur", "Özgür", "Çetin",
)
LAST_NAMES = (
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",
    "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan",
    "Şimşek", "Polat", "Özcan", "Korkmaz", "Çakır", "Erdoğan", "Yavuz", "Can", "Acar", "Şen",
    "Aktaş", "Güler", "Yalçın", "Güneş", "Bozkurt", "Bulut", "Keskin", "Ünal", "Turan", "Gül",
    "Özer", "Işık", "Kaplan", "Avcı", "Sarı", "Tekin", "Taş", "Köse", "Yüksel", "Ateş", "Aksoy",
    "Çiftçi", "Karataş", "Uçar", "Öz", "Ergün", "Sönmez", "Güven", "Başaran", "Kahraman",
    "Türkmen", "Akgül", "Altıntaş", "Gündoğdu", "Uysal", "Demirci", "Bayram", "Süslü", "Ilıcak",
    "İnce", "Ölmez", "Düzgün", "Eğilmez", "Şişman", "Çağlar", "Gündüz", "Coşkun", "Özgür",
    "Karakuş", "Ekinci", "Soylu",
)
JOB_TITLES = (
    "Sosyal Hizmetler Müdürlüğü uzmanı", "Strateji Geliştirme Müdürü",
    "Kadın ve Aile Hizmetleri şefi", "Destek Hizmetleri memuru", "Kooperatif başkanı",
    "Kooperatif yönetim kurulu üyesi",
    "Dernek koordinatörü", "Proje uzmanı", "Mali Hizmetler uzmanı", "Hukuk İşleri avukatı",
    "İmar ve Şehircilik teknikeri", "Kent Konseyi sekreteri", "Kırsal Hizmetler mühendisi",
    "Eğitim sorumlusu", "Gönüllü", "İl müdür yardımcısı",
)

# Approximate population of each province in thousands, by plate code (1–81).
POPULATION_BY_PLATE = (
    2270, 630, 750, 510, 340, 5800, 2700, 170, 1160, 1270, 230, 280, 360, 320, 270, 3200, 560,
    200, 520, 1060, 1800, 410, 590, 240, 750, 900, 2150, 450, 140, 280, 1550, 450, 1920, 15600,
    4480, 270, 390, 1440, 370, 240, 2100, 2300, 580, 740, 1470, 1110, 870, 1050, 400, 310, 370,
    770, 350, 1100, 1370, 330, 220, 640, 1170, 600, 820, 90, 2200, 370, 1130, 420, 590, 430, 90,
    260, 280, 630, 560, 200, 90, 200, 300, 250, 150, 560, 400,
)
# The 30 provinces with a metropolitan municipality (büyükşehir), by plate code.
METROPOLITAN_PLATES = frozenset(
    (1, 6, 7, 9, 10, 16, 20, 21, 25, 26, 27, 31, 33, 34, 35, 38, 41, 42, 44, 45, 46, 47, 48, 52,
     54, 55, 59, 61, 63, 65)
)
DISTRICTS = (
    "Merkez", "Yenişehir", "Karşıyaka", "Çankaya", "Kadıköy", "Üsküdar", "Selçuklu", "Osmangazi",
    "Nilüfer", "Seyhan", "Şehitkamil", "Muratpaşa", "Konyaaltı", "Odunpazarı", "Atakum",
    "Ortahisar", "Pamukkale", "Akdeniz", "Efeler", "Altıeylül", "Yeşilyurt", "Kocasinan",
    "Melikgazi", "İzmit", "Gebze", "Süleymanpaşa", "Çorlu", "Bornova", "Buca", "Keçiören",
    "Mamak", "Etimesgut", "Sincan", "Altındağ", "Pursaklar", "Gölbaşı", "Şişli", "Beşiktaş",
    "Bağcılar", "Esenyurt", "Pendik", "Ümraniye", "Ataşehir", "Beylikdüzü", "Çiğli", "Bayraklı",
    "Karabağlar", "Torbalı", "Menemen", "Ödemiş", "Tire", "Bodrum", "Fethiye", "Marmaris",
    "Alanya", "Manavgat", "Kuşadası", "Didim", "Söke", "Nazilli", "Ereğli", "Akşehir", "Seydişehir",
    "Ilgın", "Çumra", "İnegöl", "Gemlik", "Mudanya", "Ceyhan", "Kozan", "İskenderun", "Dörtyol",
    "Tarsus", "Erdemli", "Silifke", "Siverek", "Viranşehir", "Haliliye", "Eyyübiye", "Kızıltepe",
    "Midyat", "Bağlar", "Kayapınar", "Yakutiye", "Palandöken", "İpekyolu", "Tuşba", "Edremit",
)
COOPERATIVE_NAMES = {
    "social": (
        "Sosyal Hizmetler Kooperatifi", "Engelsiz Yaşam Sosyal Kooperatifi",
        "Bakım Hizmetleri Kooperatifi", "Gençlik Sosyal Girişim Kooperatifi",
    ),
    "women": (
        "Kadın Girişimi Üretim ve İşletme Kooperatifi", "Kadın Emeği Kooperatifi",
        "Kadın Kooperatifi", "Kadın El Emeği Üretim Kooperatifi",
    ),
    "agricultural": (
        "Tarımsal Kalkınma Kooperatifi", "Süt Üreticileri Kooperatifi",
        "Su Ürünleri Kooperatifi", "Arıcılar Kooperatifi", "Tohum ve Fide Kooperatifi",
    ),
    "other": (
        "Tüketim Kooperatifi", "Geri Dönüşüm Kooperatifi", "Enerji Kooperatifi",
        "Esnaf ve Sanatkârlar Kooperatifi",
    ),
}
NGO_NAMES = (
    "Kadın Dayanışma Derneği", "Engelliler Derneği", "Çevre Gönüllüleri Derneği",
    "Kent Konseyi", "Gençlik Derneği", "Kültür ve Dayanışma Vakfı", "Kırsal Kalkınma Derneği",
    "Yaşlılara Destek Derneği", "Göçmen Dayanışma Derneği", "Sivil Toplum Platformu",
)
PUBLIC_BODY_NAMES = (
    "Aile ve Sosyal Hizmetler İl Müdürlüğü", "Ticaret İl Müdürlüğü",
    "Tarım ve Orman İl Müdürlüğü", "Halk Eğitim Merkezi", "Kalkınma Ajansı Yatırım Destek Ofisi",
    "İŞKUR İl Müdürlüğü", "Valilik Proje Koordinasyon Merkezi",
)
OTHER_NAMES = (
    "Üniversitesi Kooperatifçilik Merkezi", "Ticaret ve Sanayi Odası", "Ziraat Odası",
    "Esnaf Odası", "Sosyal Girişim Ağı",
)
SURVEY_IMPROVE = (
    "Vaka örnekleri daha çok olabilirdi.", "Grup çalışmasına daha fazla zaman ayrılmalı.",
    "Kooperatif mevzuatı için ayrı bir gün yapılabilir.", "Sunumlar önceden paylaşılsın.",
    "İhale süreçleri daha ayrıntılı anlatılabilir.", "Çeviri desteği geliştirilmeli.",
    "İlçe belediyelerinin örnekleri çoğaltılmalı.", "Öğle arası kısa kaldı.",
)
SURVEY_COMMENTS = (
    "Yasal dayanaklar bölümü çok işime yaradı.", "Canlı bağlantı ilham verici oldu.",
    "Eylem planımızı belediye meclisine sunacağız.", "Teşekkürler.",
    "Kooperatifimizle belediye arasında ilk görüşmeyi ayarladık.",
    "Örnek sözleşmeler paylaşılırsa çok iyi olur.",
)
PLAN_TITLES = (
    "Kreş ve gündüz bakım hizmetinin kooperatifle yürütülmesi",
    "Semt pazarında kadın kooperatifine satış alanı",
    "Okul kantinlerine yerel ürün tedariki", "Geri dönüşüm toplama noktalarının işletilmesi",
    "Yaşlı bakımı için evde destek hizmeti", "Kırsal turizm rotasının ortak tanıtımı",
    "Atıl belediye binasının kooperatife tahsisi", "Aşevi için sebze ve meyve alımı",
    "Engelli bireyler için kafe işletmesi", "Tohum takas merkezi kurulması",
)
# fmt: on
