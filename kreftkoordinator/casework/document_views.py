"""Documents on a case: upload one, download one (always as an attachment, never shown in the
browser), remove one put on the wrong case."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .access import case_for, document_for
from .documents import attach_document, open_document, remove_document
from .forms.documents import DocumentForm
from .pages import coordinator_only, form_page


@coordinator_only
def document_add(request, case_pk):
    case = case_for(request.user, case_pk, action=None)
    posted = request.method == "POST"
    form = DocumentForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            document = attach_document(request.user, case, data["file"], data["title"])
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("«%(title)s» er lagt ved.") % {"title": document})
            return redirect("casework:case_detail", pk=case.pk)
    return form_page(request, "casework/document_form.html", {"form": form, "case": case}, case)


@coordinator_only
def document_download(request, pk):
    document = document_for(request.user, pk, reason="dokument lastet ned")
    response = FileResponse(
        open_document(document),
        as_attachment=True,
        filename=document.download_name,
        content_type=document.media_type,
    )
    # Whatever is inside, the browser saves it and runs nothing of it.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response


@coordinator_only
def document_delete(request, pk):
    """Asks first (a page, not a script), since a removed document cannot be brought back."""
    document = document_for(request.user, pk, action=None)
    case = document.case
    if request.method == "POST":
        remove_document(request.user, document)
        messages.success(request, _("«%(title)s» er slettet.") % {"title": document})
        return redirect("casework:case_detail", pk=case.pk)
    context = {"document": document, "case": case}
    return form_page(request, "casework/document_delete.html", context, document)
