"""Work groups, action plans and the follow-up links, under /eylem-planlari/ (namespace
"plans"); the legal-basis library is library/urls.py, under /yasal-dayanaklar/."""

from django.urls import path

from action_plans.views import dashboard, followup, groups, pdfs, plans, steps, wizard
from core.page_cache import personal_page

app_name = "plans"

urlpatterns = [
    path("", personal_page(plans.MyPlansView.as_view()), name="my_plans"),
    path("yeni/", wizard.WizardStartView.as_view(), name="wizard"),
    path("yeni/<slug:slug>/", wizard.WizardTypeView.as_view(), name="wizard_type"),
    path("etki/", personal_page(dashboard.ImpactDashboardView.as_view()), name="dashboard"),
    path("izleme/<str:token>/", followup.FollowupView.as_view(), name="followup"),
    path(
        "donem/<int:cohort_id>/",
        personal_page(plans.CohortPlansView.as_view()),
        name="cohort_plans",
    ),
    path("donem/<int:cohort_id>/pdf/", pdfs.CohortPlanPdfsView.as_view(), name="cohort_plan_pdfs"),
    path("donem/<int:cohort_id>/zip/", pdfs.CohortPlansZipView.as_view(), name="cohort_plans_zip"),
    path(
        "donem/<int:cohort_id>/gruplar/",
        personal_page(groups.GroupListView.as_view()),
        name="groups",
    ),
    path(
        "donem/<int:cohort_id>/gruplar/yeni/",
        groups.GroupCreateView.as_view(),
        name="group_create",
    ),
    path(
        "gruplar/<int:group_id>/duzenle/",
        personal_page(groups.GroupEditView.as_view()),
        name="group_edit",
    ),
    path("gruplar/<int:group_id>/sil/", groups.GroupDeleteView.as_view(), name="group_delete"),
    path("<int:plan_id>/", personal_page(plans.PlanDetailView.as_view()), name="plan_detail"),
    path("<int:plan_id>/duzenle/", plans.PlanEditView.as_view(), name="plan_edit"),
    path("<int:plan_id>/pdf/", pdfs.PlanPdfView.as_view(), name="plan_pdf"),
    path("<int:plan_id>/durumlar/", followup.PlanProgressView.as_view(), name="plan_progress"),
    path("<int:plan_id>/gonder/", plans.PlanSubmitView.as_view(), name="plan_submit"),
    path("<int:plan_id>/degerlendir/", plans.PlanReviewView.as_view(), name="plan_review"),
    path("<int:plan_id>/adim-ekle/", steps.StepCreateView.as_view(), name="step_create"),
    path("adimlar/<int:step_id>/duzenle/", steps.StepEditView.as_view(), name="step_edit"),
    path("adimlar/<int:step_id>/sil/", steps.StepDeleteView.as_view(), name="step_delete"),
    path("adimlar/<int:step_id>/tasi/", steps.StepMoveView.as_view(), name="step_move"),
    path("adimlar/<int:step_id>/durum/", steps.StepStatusView.as_view(), name="step_status"),
]
