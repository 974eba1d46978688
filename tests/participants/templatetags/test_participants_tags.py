from participants.templatetags.participants_tags import capfirst_tr


def test_first_letter_is_capitalised_the_turkish_way():
    assert capfirst_tr("iptal edildi") == "İptal edildi"
    assert capfirst_tr("ırmak") == "Irmak"
    assert capfirst_tr("") == ""
