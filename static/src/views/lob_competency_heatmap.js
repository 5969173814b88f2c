/** @odoo-module **/
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
// The competency overview's pivot as a heatmap: the share at target of each cell coloured as
// in the Excel workbook (green at target, orange close, red far, grey without target).
import {registry} from "@web/core/registry";
import {pivotView} from "@web/views/pivot/pivot_view";
import {PivotRenderer} from "@web/views/pivot/pivot_renderer";

const MEASURE = "at_target_rate";
// background, text: the workbook's heat colours (lob_hrm/xlsx.py HEAT)
const HEAT = {
    at: ["#C6EFCE", "#006100"],
    near: ["#FFCC99", "#7F3F00"],
    far: ["#FFC7CE", "#9C0006"],
    none: ["#E7E6E6", "#595959"],
};

export function heatOf(value) {
    if (value === false || value === null || value === undefined) {
        return "none";
    }
    if (value >= 0.995) {
        return "at";
    }
    return value >= 0.5 ? "near" : "far";
}

export class LobCompetencyHeatmapRenderer extends PivotRenderer {
    static template = "lob_hrm.LobCompetencyHeatmapRenderer";

    heatStyle(cell) {
        if (cell.measure !== MEASURE || cell.originIndexes.length > 1) {
            return "";
        }
        const [background, color] = HEAT[heatOf(cell.value)];
        return `background-color: ${background} !important; color: ${color};`;
    }

    getFormattedValue(cell) {
        // An empty average means no target in the cell: no share, not 0 %.
        if (cell.measure === MEASURE && cell.value === false) {
            return "";
        }
        return super.getFormattedValue(cell);
    }
}

registry.category("views").add("lob_competency_heatmap", {
    ...pivotView,
    Renderer: LobCompetencyHeatmapRenderer,
});
