# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import fields, models


class LobDownloadMixin(models.AbstractModel):
    """A wizard that hands out a file it wrote: the file is kept on the wizard (not as an
    attachment) and downloaded through ``/web/content``, so that the user's access to the
    wizard decides who may fetch it."""

    _name = "lob.download.mixin"
    _description = "Wizard with a file to download"

    data = fields.Binary("File", readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    def _lob_download(self, content, filename):
        """Keep ``content`` (bytes) as ``filename`` and return the action that downloads it."""
        self.ensure_one()
        self.write({"data": base64.b64encode(content), "filename": filename})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content?model={self._name}&id={self.id}&field=data"
            f"&filename_field=filename&download=true",
            "target": "self",
        }
