/** @odoo-module **/
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

// A manager opens the competency overview: the heatmap shows their team only, coloured by
// the share at target (Zorg: 1 of 5 targets reached, red), and the list holds its employees.
registry.category("web_tour.tours").add("lob_hrm_competency_overview", {
    url: "/odoo/action-lob_hrm.lob_competency_overview_action",
    steps: () => [
        {
            content: "The heatmap has the manager's team as a column",
            trigger: ".o_pivot th:contains('Zorg (test)')",
        },
        {
            content: "Its share at target is coloured red (below 50 %)",
            trigger: ".o_pivot td.o_pivot_cell_value[style*='#FFC7CE']:contains('20')",
        },
        {
            content: "Another team's employees stay out",
            trigger: ".o_pivot:not(:has(th:contains('Techniek (test)')))",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The list holds the manager's employees",
            trigger: ".o_list_view .o_data_row td:contains('Bram')",
        },
    ],
});
