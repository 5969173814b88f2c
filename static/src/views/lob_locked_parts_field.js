/** @odoo-module **/
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// A one2many list of template sections or prompts in which the parts a central template
// locks (``is_protected``) show no delete icon and cannot be deleted: Odoo's list has no
// per-row delete, and a row deleted before Save only fails (confusingly) at Save.

import {X2ManyField, x2ManyField} from "@web/views/fields/x2many/x2many_field";
import {ListRenderer} from "@web/views/list/list_renderer";
import {registry} from "@web/core/registry";

export class LobLockedPartsListRenderer extends ListRenderer {
    getRowClass(record) {
        const classes = super.getRowClass(record);
        return record.data.is_protected ? `${classes} o_lob_protected` : classes;
    }

    onDeleteRecord(record) {
        if (record.data.is_protected) {
            return;
        }
        return super.onDeleteRecord(...arguments);
    }
}

export class LobLockedPartsField extends X2ManyField {
    static components = {
        ...X2ManyField.components,
        ListRenderer: LobLockedPartsListRenderer,
    };
}

export const lobLockedPartsField = {
    ...x2ManyField,
    component: LobLockedPartsField,
    additionalClasses: [...(x2ManyField.additionalClasses || []), "o_field_one2many"],
};

registry.category("fields").add("lob_locked_parts_one2many", lobLockedPartsField);
