/** @odoo-module **/
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// The policy monitor's pivot as a heatmap: per team and indicator, the status against the
// goal's target in colour (green on track, orange at risk, red off track, grey no goal or no
// data), beside the indicator's value.
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {pivotView} from "@web/views/pivot/pivot_view";
import {PivotRenderer} from "@web/views/pivot/pivot_renderer";

const MEASURE = "health";
const HEAT = {
    on_track: ["#C6EFCE", "#006100"],
    at_risk: ["#FFCC99", "#7F3F00"],
    off_track: ["#FFC7CE", "#9C0006"],
    none: ["#E7E6E6", "#595959"],
};

export function statusOf(value) {
    // the figure's health: 3 on track, 2 at risk, 1 off track, 0 no goal or no data
    if (!value || value < 0.995) {
        return "none";
    }
    if (value >= 2.995) {
        return "on_track";
    }
    return value >= 1.995 ? "at_risk" : "off_track";
}

export class LobPolicyHeatmapRenderer extends PivotRenderer {
    static template = "lob_hrm.LobPolicyHeatmapRenderer";

    heatStyle(cell) {
        if (cell.measure !== MEASURE || cell.originIndexes.length > 1) {
            return "";
        }
        const [background, color] = HEAT[statusOf(cell.value)];
        return `background-color: ${background} !important; color: ${color};`;
    }

    getFormattedValue(cell) {
        if (cell.measure === "value" && cell.value === false) {
            return "";
        }
        if (cell.measure === MEASURE) {
            const labels = {
                on_track: _t("On track"),
                at_risk: _t("At risk"),
                off_track: _t("Off track"),
                none: "",
            };
            return cell.originIndexes.length > 1
                ? super.getFormattedValue(cell)
                : labels[statusOf(cell.value)];
        }
        return super.getFormattedValue(cell);
    }
}

registry.category("views").add("lob_policy_heatmap", {
    ...pivotView,
    Renderer: LobPolicyHeatmapRenderer,
});
