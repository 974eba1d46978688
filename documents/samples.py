"""Sample data for the two layouts: the benchmarks, the tests and layout previews use it.

`inputs` is a plain dict (e.g. a BackgroundJob's `result`), so that a row can own a sample.
"""

import datetime as dt
from decimal import Decimal

from documents.layouts import ActionPlanData, ActionStepData, CertificateData, LegalReferenceData

OBJECTIVES = tuple(
    """\
Kooperatif mevzuatı ile belediye mevzuatı arasında bağ kurmak
Belediye çalışanlarının kooperatiflerle işbirliği süreçlerinin modellenmesi için araçlar geliştirmek
Kooperatiflerin yerelde sürdürülebilir ekonomik örgütlenme modellerini destekleyici sosyal \
politikaların oluşması için Belediyelerin yöntem geliştirmesini kolaylaştırmak
Yerel, sürdürülebilir kalkınma hedef ve ilkeleri çerçevesinde program geliştirilmesine katkıda \
bulunmak
Sivil toplum örgütlerinin ve kâr amacı gütmeyen kuruluşların sosyal ekonomi geliştirmesi için \
Belediyelerin sosyal politika geliştirmesine katkıda bulunmak.""".splitlines()
)


def certificate_data(inputs: dict) -> CertificateData:
    code = inputs.get("code", "GI-2026-7K4Q")
    return CertificateData(
        participant_name=inputs.get("name", "İnci Işık"),
        organisation=inputs.get("organisation", "Karşıyaka Belediyesi"),
        programme_title="Belediyeler İçin Sosyal Kooperatifçilik Eğitimi",
        cohort_title="İzmir Dönemi 2026/2",
        starts_on=dt.date(2026, 11, 24),
        ends_on=dt.date(2026, 11, 26),
        place="Karşıyaka Kültür Merkezi, Karşıyaka/İzmir",
        programme_hours=Decimal(inputs.get("hours", "12")),
        attended_hours=Decimal(inputs.get("attended_hours", "10.5")),
        objectives=OBJECTIVES,
        facilitators=("Emre Işık", "Zeynep Aydın"),
        issued_on=dt.date(2026, 11, 26),
        code=code,
        verify_path=f"/sertifika/dogrula/{code}/",
    )


# Laws and article headings from the shared legal facts; the summaries are placeholder text.
SAMPLE_REFERENCES = (
    ("1163 m.9", "1163 sayılı Kooperatifler Kanunu, madde 9 (Tüzel kişilerin ortaklığı)"),
    ("5393 m.14", "5393 sayılı Belediye Kanunu, madde 14 (Görev ve sorumluluklar)"),
    ("5393 m.18", "5393 sayılı Belediye Kanunu, madde 18 (Meclisin görev ve yetkileri)"),
    ("5393 m.77", "5393 sayılı Belediye Kanunu, madde 77 (Gönüllü katılım)"),
    ("4734 m.22", "4734 sayılı Kamu İhale Kanunu, madde 22 (Doğrudan temin)"),
    ("5018 m.29", "5018 sayılı Kamu Mali Yönetimi ve Kontrol Kanunu, madde 29"),
)
SAMPLE_SUMMARY = "Kamu tüzel kişileri kooperatife ortak olabilir."


def action_plan_data(inputs: dict) -> ActionPlanData:
    steps = tuple(
        ActionStepData(
            number=number,
            description=text,
            responsible="Strateji Geliştirme Müdürlüğü",
            due_on=dt.date(2027, 1, min(number, 28)),
            status="Planlandı",
            legal_basis=("5393 m.18", "1163 m.9"),
        )
        for number, text in enumerate(inputs.get("steps", ["Kooperatifle ön görüşme"]), 1)
    )
    return ActionPlanData(
        title=inputs.get("title", "Karşıyaka Kadın Kooperatifi ile ortaklık planı"),
        group="Çalışma grubu 3",
        participants=("İnci Çelik", "Ali Veli"),
        organisations=("Karşıyaka Belediyesi", "Karşıyaka Kadın Kooperatifi"),
        collaboration_type="Ortaklık",
        sdgs=("5 Toplumsal cinsiyet eşitliği", "8 İnsana yakışır iş ve ekonomik büyüme"),
        goal="Kadın kooperatifinin ürünlerinin belediye etkinliklerinde satışı.",
        steps=steps,
        legal_references=tuple(
            LegalReferenceData(
                citation=citation,
                title=title,
                summary=inputs.get("reference_summary", SAMPLE_SUMMARY),
                url=f"https://www.mevzuat.gov.tr/mevzuat?MevzuatNo={citation.split()[0]}"
                "&MevzuatTur=1&MevzuatTertip=5",
            )
            for citation, title in SAMPLE_REFERENCES[: inputs.get("references", 1)]
        ),
        cohort="İzmir Dönemi 2026/2",
        prepared_on=dt.date(2026, 11, 26),
        status="Onaya gönderildi",
        problem="Kooperatifin ürünleri yalnızca pazar yerinde satılıyor; belediyenin "
        "etkinliklerinde satış için yasal bir yol bilinmiyor.",
        starts_on=dt.date(2026, 12, 15),
    )
