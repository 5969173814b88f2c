/** @odoo-module **/
/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

import {registry} from "@web/core/registry";

const answers = ".o_field_one2many[name='answer_ids']";
const row = (text) => `${answers} tr.o_data_row:has(td[name='name']:contains(${text}))`;

// The employee prepares the talk and shares the preparation.
registry.category("web_tour.tours").add("lob_hrm_talk_employee", {
    steps: () => [
        {
            content: "Open the answer to my own opening question",
            trigger: `${row("TOUR own question")} td[name='value_text']`,
            run: "click",
        },
        {
            content: "Write my question",
            trigger: `${row("TOUR own question")} td[name='value_text'] textarea`,
            run: "edit I want to talk about my workload",
        },
        {
            content: "Save the preparation",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Share the preparation",
            trigger: "button[name='action_share_employee']",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The preparation is shared",
            trigger: ".o_form_view:not(:has(button[name='action_share_employee']))",
        },
    ],
});

// The manager reads it, answers, adds an agreement and marks the talk held.
registry.category("web_tour.tours").add("lob_hrm_talk_manager", {
    steps: () => [
        {
            content: "The employee's shared preparation is visible",
            trigger: `${row("TOUR own question")} td[name='value_text']:contains(my workload)`,
        },
        {
            content: "Open my own answer",
            trigger: `${row("TOUR manager view")} td[name='value_text']`,
            run: "click",
        },
        {
            content: "Answer",
            trigger: `${row("TOUR manager view")} td[name='value_text'] textarea`,
            run: "edit Eva takes initiative in the team",
        },
        {
            content: "Go to the agreements",
            trigger: ".o_notebook a.nav-link[name='agreements']",
            run: "click",
        },
        {
            content: "Add an agreement",
            trigger: ".o_field_one2many[name='agreement_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Describe it",
            trigger:
                ".o_field_one2many[name='agreement_ids'] .o_selected_row td[name='description'] textarea",
            run: "edit Plan less lessons on Fridays",
        },
        {
            content: "Mark the talk held",
            trigger: "button[name='action_held']",
            run: "click",
        },
        {
            content: "The talk is held: both can sign now",
            trigger: "button[name='action_sign']",
        },
    ],
});
