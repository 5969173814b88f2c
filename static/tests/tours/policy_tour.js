/** @odoo-module **/
/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

import {registry} from "@web/core/registry";

// The director adopts the college's LOB policy.
registry.category("web_tour.tours").add("lob_hrm_policy_adopt", {
    steps: () => [
        {
            content: "Open the draft policy",
            trigger: ".o_list_view .o_data_row td[name='name']:contains(TOUR policy)",
            run: "click",
        },
        {
            content: "Open its goals",
            trigger: ".o_notebook a:contains(What: goals)",
            run: "click",
        },
        {
            content: "Its goal is there",
            trigger: ".o_field_one2many[name='goal_ids'] td:contains(TOUR talks)",
        },
        {
            content: "Adopt it",
            trigger: "button[name='action_adopt']",
            run: "click",
        },
        {
            content: "The policy is adopted",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains(Adopted)",
        },
    ],
});

// A team leader drafts the team's work plan and records that the team discussed it.
registry.category("web_tour.tours").add("lob_hrm_team_plan_draft", {
    steps: () => [
        {
            content: "New work plan",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Under the college policy",
            trigger: ".o_field_widget[name='policy_id'] input",
            run: "edit TOUR policy",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains(TOUR policy)",
            run: "click",
        },
        {
            content: "The college goal comes along",
            trigger: ".o_field_one2many[name='goal_ids'] td:contains(TOUR talks)",
        },
        {
            content: "For my team",
            trigger: ".o_field_widget[name='department_id'] input",
            run: "edit TOUR team",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains(TOUR team)",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The team discussed it",
            trigger: "button[name='action_record_discussion']",
            run: "click",
        },
        {
            content: "The discussion is recorded",
            trigger: ".o_form_view:not(:has(button[name='action_record_discussion']))",
        },
        {
            content: "Open the discussion",
            trigger: ".o_notebook a:contains(Discussed in the team)",
            run: "click",
        },
        {
            content: "The team members present are listed",
            trigger:
                ".o_field_widget[name='discussed_employee_ids'] .o_tag:contains(TOUR member)",
        },
    ],
});

// The director opens the monitor and drills down from an indicator to the talks behind it.
registry.category("web_tour.tours").add("lob_hrm_policy_monitor", {
    steps: () => [
        {
            content: "Open the monitor",
            trigger: "button[name='action_open_monitor']",
            run: "click",
        },
        {
            content: "The heatmap has the team as a row",
            trigger: ".o_pivot th:contains(TOUR team)",
        },
        {
            content: "Switch to the list of figures",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            // the list replaces the search box as it loads: type in the list's own box
            content: "Search the team",
            trigger: ".o_list_view .o_searchview_input",
            run: "edit TOUR team",
        },
        {
            content: "Filter on it",
            trigger: ".o_searchview_autocomplete .o_menu_item:contains(Team)",
            run: "click",
        },
        {
            content: "Drill down from the team's signed talks",
            trigger:
                ".o_data_row:has(td[name='department_id']:contains(TOUR team)):has(td[name='indicator']:contains(Staff with a signed talk)) button[name='action_open_records']",
            run: "click",
        },
        {
            content: "The talk behind the number",
            trigger: ".o_list_view .o_data_row td:contains(TOUR member)",
        },
    ],
});
