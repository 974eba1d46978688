from django.urls import path

from participants.views import attendance

app_name = "participants"

urlpatterns = [
    path("yoklama/", attendance.AttendanceHomeView.as_view(), name="attendance_home"),
    path(
        "yoklama/oturum/<int:session_id>/",
        attendance.SessionGridView.as_view(),
        name="attendance_grid",
    ),
    path(
        "yoklama/oturum/<int:session_id>/qr/",
        attendance.SessionQrView.as_view(),
        name="attendance_qr",
    ),
    path(
        "yoklama/donem/<int:cohort_id>/",
        attendance.CohortAttendanceView.as_view(),
        name="attendance_cohort",
    ),
    path(
        "yoklama/giris/<int:session_id>/<slug:code>/",
        attendance.CheckInView.as_view(),
        name="attendance_checkin",
    ),
]
