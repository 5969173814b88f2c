/** @odoo-module **/
/* License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */

import {registry} from "@web/core/registry";

// A coach records the success that a done agreement led to.
registry.category("web_tour.tours").add("lob_hrm_success_record", {
    steps: () => [
        {
            content: "Record the success of the done agreement",
            trigger: "button[name='action_record_success']",
            run: "click",
        },
        {
            content: "The title comes from the agreement",
            trigger: "div[name='name'] input:value(Lead the open day)",
        },
        {
            content: "Share it with the whole college",
            trigger: "div[name='visibility'] label:contains(Whole college)",
            run: "click",
        },
        {
            content: "Save the success",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: colleagues can react",
            trigger: ".o_form_saved",
        },
    ],
});

// A colleague reacts to it.
registry.category("web_tour.tours").add("lob_hrm_success_react", {
    steps: () => [
        {
            content: "Applaud",
            trigger: "button[name='action_react_applause']",
            run: "click",
        },
        {
            content: "My reaction is recorded",
            trigger: "button[name='action_unreact']",
        },
    ],
});

// A coach shares a new instrument.
registry.category("web_tour.tours").add("lob_hrm_instrument_share", {
    steps: () => [
        {
            content: "Give it a title",
            trigger: "div[name='name'] input",
            run: "edit TOUR Qualities card",
        },
        {
            content: "Save it",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Share it with colleagues",
            trigger: "button[name='action_share']",
            run: "click",
        },
        {
            content: "It is shared",
            trigger: "button[name='action_open_rate_wizard']",
        },
    ],
});

// A colleague marks it used in their team and rates it.
registry.category("web_tour.tours").add("lob_hrm_instrument_rate", {
    steps: () => [
        {
            content: "Used in my team",
            trigger: "button[name='action_open_rate_wizard']",
            run: "click",
        },
        {
            content: "Rate it excellent",
            trigger: ".modal div[name='rating'] label:contains(Excellent)",
            run: "click",
        },
        {
            content: "Add a remark",
            trigger: ".modal div[name='remark'] input",
            run: "edit Worked well in year 1",
        },
        {
            content: "Save the rating",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The library counts the use",
            trigger: "div[name='usage_count']:contains(1)",
        },
    ],
});
