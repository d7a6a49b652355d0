//! Component tests in headless Chromium (wasm-bindgen-test): the widget mounted into a real DOM.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
    }
    o.into()
}

fn container() -> Element {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Yew renders on the next tick, and what is typed is answered after a pause
/// (`PAUSE_MS` in `widget/src/app.rs`): yield to the browser until `check` holds (or give up).
async fn settle(root: &Element, check: impl Fn(&Element) -> bool) {
    for _ in 0..200 {
        if check(root) {
            return;
        }
        tick().await;
    }
}

/// Opens the fold `selector` as a visitor would: its body is built when it opens.
async fn open(root: &Element, selector: &str) {
    let details = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"));
    open_fold(root, &details).await;
}

async fn open_fold(root: &Element, details: &Element) {
    details.set_attribute("open", "").unwrap();
    details
        .dispatch_event(&web_sys::Event::new("toggle").unwrap())
        .unwrap();
    settle(root, |_| details.child_element_count() > 1).await;
    assert!(details.child_element_count() > 1, "a fold opened empty");
}

/// One turn of the browser's event loop (Yew renders in it).
async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
async fn a_postcode_shows_its_zone_and_concepts() {
    let root = container();
    let _h = hulpkompas_widget::mount(
        root.clone(),
        options(&[("postcode", "8500"), ("lang", "nl")]),
    )
    .unwrap();
    settle(&root, |r| count(r, "li.ww-concept") > 0).await;
    assert_eq!(text(&root, ".ww-place"), "8500 Kortrijk");
    // Folds are built when opened: nothing of the areas before.
    assert_eq!(count(&root, "dd[data-kind=eerstelijnszone]"), 0);
    open(&root, "details.ww-pro").await;
    assert_eq!(
        text(&root, "dd[data-kind=eerstelijnszone]"),
        "Kortrijk-Kuurne-Harelbeke"
    );
    assert!(count(&root, ".ww-group[data-applies=yes] li.ww-concept") >= 8);
    let overkop = "li.ww-concept[data-concept=overkop]";
    open(&root, &format!("{overkop} details.ww-concept-fold")).await;
    assert!(text(&root, &format!("{overkop} .ww-offers")).contains("OverKop Kortrijk"));
    assert!(text(&root, ".ww-status").contains("8500 Kortrijk"));
    // Where the local offer comes from is one click away, with its date.
    open(&root, &format!("{overkop} details.ww-details")).await;
    let sources = text(&root, &format!("{overkop} .ww-sources"));
    assert!(sources.contains("http"), "{sources}");
    let lang = root
        .query_selector(".ww")
        .unwrap()
        .unwrap()
        .get_attribute("lang");
    assert_eq!(lang.as_deref(), Some("nl"));
}

#[wasm_bindgen_test]
async fn typing_updates_the_answer_and_bad_input_gets_a_message() {
    let root = container();
    let _h = hulpkompas_widget::mount(root.clone(), options(&[("lang", "nl")])).unwrap();
    // A mount may take over the app of a widget destroyed earlier (it renders afresh on the next
    // tick): wait for the fresh answer, not just for a field.
    settle(&root, |r| {
        text(r, ".ww-status").starts_with("Typ een postcode")
    })
    .await;
    assert_eq!(count(&root, "input[name=place]"), 1);
    let input: HtmlInputElement = root
        .query_selector("input[name=place]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    for (value, expect) in [
        ("85", "4 cijfers"),
        ("0612", "organisatie"),
        ("4000", "Wallonië"),
    ] {
        input.set_value(value);
        input
            .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
            .unwrap();
        // A whole postcode is answered at once; "85" waits for the pause (no error after two keys).
        tick().await;
        if value.len() < 4 {
            assert_eq!(
                count(&root, ".ww-msg"),
                0,
                "{value}: a message before the pause"
            );
            assert_eq!(
                text(&root, ".ww-status"),
                "",
                "{value}: spoken before the pause"
            );
        }
        settle(&root, |r| text(r, ".ww-messages").contains(expect)).await;
        assert!(
            text(&root, ".ww-messages").contains(expect),
            "{value}: {}",
            text(&root, ".ww-messages")
        );
    }
    // Every string is text: markup typed by a visitor is not interpreted.
    input.set_value("<img src=x onerror=alert(1)>");
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    settle(&root, |r| text(r, ".ww-messages").contains("img")).await;
    assert_eq!(count(&root, "img"), 0);
}

#[wasm_bindgen_test]
async fn a_need_ranks_and_explains() {
    let root = container();
    let _h = hulpkompas_widget::mount(
        root.clone(),
        options(&[("need", "mon mari me frappe"), ("lang", "fr")]),
    )
    .unwrap();
    settle(&root, |r| count(r, ".ww-results li.ww-concept") > 0).await;
    let first = root
        .query_selector(".ww-results li.ww-concept")
        .unwrap()
        .unwrap();
    assert_eq!(
        first.get_attribute("data-concept").as_deref(),
        Some("fjc-veilig-huis-ketenaanpak-ifg")
    );
    // The explanation names the visitor's own word that matched.
    let matched = text(&root, ".ww-results li.ww-concept .ww-matched");
    assert!(matched.contains("frappe"), "{matched}");
    assert_eq!(text(&root, "label"), "Code postal ou commune");
}

/// A removed widget's app is parked and taken over by the next mount: that mount shows its own
/// place and language, nothing the visitor of the removed one typed.
#[wasm_bindgen_test]
async fn a_mount_after_a_destroy_starts_afresh() {
    let first = container();
    let mut h = hulpkompas_widget::mount(first.clone(), options(&[("postcode", "9000")])).unwrap();
    settle(&first, |r| text(r, ".ww-place") == "9000 Gent").await;
    h.update(options(&[
        ("postcode", "9000"),
        ("need", "schulden"),
        ("lang", "fr"),
    ]));
    settle(&first, |r| text(r, "label") == "Code postal ou commune").await;
    h.destroy();
    assert_eq!(
        count(&first, "input"),
        0,
        "a destroyed widget leaves no form behind"
    );
    let second = container();
    let _h = hulpkompas_widget::mount(second.clone(), options(&[("postcode", "3500")])).unwrap();
    settle(&second, |r| text(r, ".ww-place").contains("Hasselt")).await;
    assert_eq!(text(&second, "label"), "Postcode of gemeente");
    let need: HtmlInputElement = second
        .query_selector("input[name=need]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(need.value(), "");
    assert_eq!(count(&second, ".ww-results"), 0);
}

#[wasm_bindgen_test]
async fn update_and_destroy() {
    let root = container();
    let mut h = hulpkompas_widget::mount(root.clone(), options(&[("postcode", "9000")])).unwrap();
    settle(&root, |r| text(r, ".ww-place") == "9000 Gent").await;
    h.update(options(&[
        ("postcode", "3500"),
        ("lang", "en"),
        ("concepts", "overkop,huizen-van-het-kind"),
    ]));
    settle(&root, |r| text(r, ".ww-place").contains("Hasselt")).await;
    assert_eq!(text(&root, "label"), "Postcode or municipality");
    // Exactly the chosen concepts are shown: both of them, and no other (folds opened).
    let folds = root.query_selector_all("details.ww-fold").unwrap();
    for i in 0..folds.length() {
        open_fold(
            &root,
            &folds.item(i).unwrap().dyn_into::<Element>().unwrap(),
        )
        .await;
    }
    let shown = root.query_selector_all("li.ww-concept").unwrap();
    let mut ids: Vec<String> = (0..shown.length())
        .map(|i| {
            shown
                .item(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .get_attribute("data-concept")
                .unwrap()
        })
        .collect();
    ids.sort();
    assert_eq!(ids, ["huizen-van-het-kind", "overkop"]);
    h.destroy();
    settle(&root, |r| r.child_element_count() == 0).await;
    assert_eq!(root.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn instances_are_independent() {
    let a = container();
    let b = container();
    let _ha = hulpkompas_widget::mount(a.clone(), options(&[("postcode", "8500")])).unwrap();
    let _hb = hulpkompas_widget::mount(b.clone(), options(&[("postcode", "1000"), ("lang", "fr")]))
        .unwrap();
    settle(&a, |r| count(r, "li.ww-concept") > 0).await;
    settle(&b, |r| count(r, "li.ww-concept") > 0).await;
    assert_eq!(text(&a, ".ww-place"), "8500 Kortrijk");
    assert!(text(&b, ".ww-place").contains("Bruxelles"));
    // Element ids stay unique across instances (labels point at their own field).
    let ida = a.query_selector("input[name=place]").unwrap().unwrap().id();
    let idb = b.query_selector("input[name=place]").unwrap().unwrap().id();
    assert_ne!(ida, idb);
}

#[wasm_bindgen_test]
async fn an_opened_fold_shows_its_sources_as_links() {
    // With the full core (a dev-dependency) the sources are compiled in: there at once, no loader.
    let root = container();
    let _h = hulpkompas_widget::mount(root.clone(), options(&[("postcode", "8500")])).unwrap();
    settle(&root, |r| {
        count(r, "li.ww-concept details.ww-concept-fold") > 0
    })
    .await;
    let line = "li.ww-concept[data-concept=sociaal-huis]";
    open(&root, &format!("{line} details.ww-concept-fold")).await;
    open(&root, &format!("{line} details.ww-details")).await;
    let links = "li.ww-concept[data-concept=sociaal-huis] .ww-sources a[href^='http']";
    settle(&root, |r| count(r, links) > 0).await;
    assert!(count(&root, links) > 0);
    assert_eq!(count(&root, ".ww-sources-loading, .ww-sources-failed"), 0);
    assert!(matches!(
        hulpkompas_widget::sources_state(),
        hulpkompas_widget::SourcesState::Ready(_)
    ));
}

#[wasm_bindgen_test]
async fn klopt_dit_niet_goes_to_the_hosts_report_address_and_nowhere_else() {
    let hrefs = |root: &Element, selector: &str| -> Vec<String> {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| {
                list.item(i)?
                    .dyn_into::<Element>()
                    .ok()?
                    .get_attribute("href")
            })
            .collect()
    };
    // A mailto address: one link per first stop, the stop's name in the subject.
    let root = container();
    let _h = hulpkompas_widget::mount(
        root.clone(),
        options(&[
            ("postcode", "9000"),
            ("report", "mailto:fouten@example.org"),
        ]),
    )
    .unwrap();
    settle(&root, |r| count(r, "li.ww-stop") > 0).await;
    let stops = count(&root, "li.ww-stop");
    let links = hrefs(&root, "li.ww-stop .ww-report a");
    assert_eq!(links.len() as u32, stops, "{links:?}");
    let first = text(&root, "li.ww-stop .ww-stop-name");
    let subject = String::from(js_sys::encode_uri_component(&first));
    assert!(
        links[0].starts_with("mailto:fouten@example.org?subject="),
        "{}",
        links[0]
    );
    assert!(links[0].contains(&subject), "{} lacks {first}", links[0]);
    assert_eq!(text(&root, "li.ww-stop .ww-report a"), "Klopt dit niet?");
    // An offer has one too, once its fold is open.
    let overkop = "li.ww-concept[data-concept=overkop]";
    open(&root, &format!("{overkop} details.ww-concept-fold")).await;
    assert!(count(&root, &format!("{overkop} li.ww-offer")) > 0);
    assert_eq!(
        count(&root, &format!("{overkop} li.ww-offer")),
        count(
            &root,
            &format!(
                "{overkop} li.ww-offer .ww-report a[href^='mailto:fouten@example.org?subject=']"
            )
        )
    );
    // A page: linked as it is, opened in a new tab, in the widget's language.
    let root = container();
    let _h = hulpkompas_widget::mount(
        root.clone(),
        options(&[
            ("postcode", "9000"),
            ("lang", "fr"),
            ("report", " https://example.org/fout "),
        ]),
    )
    .unwrap();
    settle(&root, |r| count(r, "li.ww-stop") > 0).await;
    assert!(hrefs(&root, ".ww-report a")
        .iter()
        .all(|h| h == "https://example.org/fout"));
    assert_eq!(text(&root, "li.ww-stop .ww-report a"), "Une erreur ?");
    // No address, or one that is no e-mail or web address: no link at all.
    for report in [
        "",
        "javascript:alert(1)",
        "mailto:",
        "mailto:a@b.be,c@d.be",
        "data:text/html,x",
    ] {
        let root = container();
        let _h = hulpkompas_widget::mount(
            root.clone(),
            options(&[("postcode", "9000"), ("report", report)]),
        )
        .unwrap();
        settle(&root, |r| count(r, "li.ww-stop") > 0).await;
        assert!(count(&root, "li.ww-stop") > 0);
        assert_eq!(count(&root, ".ww-report"), 0, "report={report:?}");
    }
}
