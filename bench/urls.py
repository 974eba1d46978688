"""The site's URLs plus the floor of the web benchmark (bench/views.py), served only by the
gunicorn that `make bench` starts with bench.settings — never by the real site."""

from django.urls import path

from bench import views
from gencisi.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("_olcum/ok/", views.floor_ok, name="bench_floor_ok"),
    path("_olcum/tablo/", views.floor_table, name="bench_floor_table"),
    path("_olcum/duzen/", views.signed_in_layout, name="bench_signed_in_layout"),
    *site_urlpatterns,
]
