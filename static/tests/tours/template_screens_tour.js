/** @odoo-module **/
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import {registry} from "@web/core/registry";

function noDeleteOnLockedRows(listName) {
    return {
        content: `Locked rows of ${listName} offer no delete`,
        trigger: `div[name=${listName}] .o_data_row.o_lob_protected`,
        run({anchor}) {
            const list = anchor.closest(".o_list_renderer");
            for (const row of list.querySelectorAll(".o_data_row.o_lob_protected")) {
                const button = row.querySelector(".o_list_record_remove button");
                if (button && getComputedStyle(button).visibility !== "hidden") {
                    console.error("A locked row offers a delete icon");
                }
            }
        },
    };
}

// An HR officer mirrors the student talk, locks a section, publishes, creates a team variant.
registry.category("web_tour.tours").add("lob_hrm_template_hr", {
    steps: () => [
        {
            content: "Mirror the student talk for staff",
            trigger: "button[name=action_open_mirror_wizard]",
            run: "click",
        },
        {
            content: "Name the staff talk",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Functioneringsgesprek Tour",
        },
        {
            content: "Mirror",
            trigger: ".modal button[name=action_mirror]",
            run: "click",
        },
        {
            content: "The staff template opens",
            trigger: ".o_breadcrumb .active:contains(Functioneringsgesprek Tour)",
        },
        {
            content: "Make it a central framework",
            trigger: ".o_field_widget[name=central] input",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the sections list has the Locked column",
            trigger: ".o_form_saved div[name=section_ids] th[data-name=locked]",
        },
        {
            content: "Open the first section",
            trigger: "div[name=section_ids] .o_data_row:first-child td[name=title]",
            run: "click",
        },
        {
            content: "Lock it",
            trigger: ".modal .o_field_widget[name=locked] input:not(:checked)",
            run: "click",
        },
        {
            content: "Save the section",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The section shows as locked",
            trigger:
                "body:not(:has(.modal)) div[name=section_ids] .o_data_row:first-child td[name=locked] input:checked",
        },
        {
            content: "Publish",
            trigger: "button[name=action_publish]",
            run: "click",
        },
        {
            content: "Published",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(Published)",
        },
        {
            content: "Create a team variant",
            trigger: "button[name=action_create_variant]",
            run: "click",
        },
        {
            content: "The team variant opens",
            trigger: ".o_breadcrumb .active:contains(team variant)",
        },
        noDeleteOnLockedRows("section_ids"),
        {
            content: "Open the locked section",
            trigger: "div[name=section_ids] .o_data_row.o_lob_protected td[name=title]",
            run: "click",
        },
        {
            content: "Its title cannot be edited",
            trigger: ".modal .o_field_widget[name=title].o_readonly_modifier",
        },
        noDeleteOnLockedRows("prompt_ids"),
        {
            content: "Its prompts cannot be edited",
            trigger: ".modal div[name=prompt_ids] .o_data_row.o_lob_protected td[name=text]",
            run: "click",
        },
        {
            content: "No editor opened on the locked prompt",
            trigger:
                ".modal div[name=prompt_ids] .o_data_row.o_lob_protected td[name=text].o_readonly_modifier",
        },
        {
            content: "Close the section",
            trigger: ".modal .o_form_button_cancel",
            run: "click",
        },
        {
            content: "Back on the variant",
            trigger: "body:not(:has(.modal)) .o_breadcrumb .active:contains(team variant)",
        },
    ],
});

// An employee opens the read-only preview of their team's talk.
registry.category("web_tour.tours").add("lob_hrm_template_employee", {
    steps: () => [
        {
            content: "Open the talk of my team",
            trigger: ".o_kanban_record:contains(Functioneringsgesprek Preview)",
            run: "click",
        },
        {
            content: "The preview shows the phases and questions",
            trigger: ".o_field_widget[name=preview_html] h4:contains(Terugblik)",
        },
        {
            content: "No HR details: keys, locks, findings, buttons",
            trigger:
                ".o_form_view:not(:has(.o_field_widget[name=key])):not(:has(.o_notebook)):not(:has(button[name=action_publish])):not(:has(.o_form_button_save))",
        },
    ],
});
