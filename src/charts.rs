//! A chart component over ECharts: one instance per container, updated in
//! place from a charming option, resized with its container and disposed
//! with the component.
//!
//! ECharts is a custom build (tools/echarts-entry.js) that js/boot.js
//! loads on the first chart, so screens without charts never download it.
//! charming's `WasmRenderer` has no dispose, no `setOption` flags and
//! expects ECharts loaded already, so this module binds the few ECharts
//! calls it needs itself and uses charming only to build the option.

use std::cell::RefCell;
use std::rc::Rc;

use charming::Chart;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver};

#[wasm_bindgen]
extern "C" {
    /// An ECharts instance (`echarts.init`'s return value).
    type ECharts;

    #[wasm_bindgen(catch, js_namespace = window, js_name = dukaoLoadECharts)]
    fn load_echarts() -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(catch, js_namespace = echarts, js_name = init)]
    fn init_echarts(
        element: &HtmlElement,
        theme: &JsValue,
        options: &JsValue,
    ) -> Result<ECharts, JsValue>;

    #[wasm_bindgen(catch, method, js_name = setOption)]
    fn set_option(
        this: &ECharts,
        option: &JsValue,
        settings: &JsValue,
    ) -> Result<(), JsValue>;

    #[wasm_bindgen(catch, method)]
    fn resize(this: &ECharts) -> Result<(), JsValue>;

    #[wasm_bindgen(method)]
    fn dispose(this: &ECharts);
}

/// ECharts' built-in colour themes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChartTheme {
    #[default]
    Light,
    /// For dark backgrounds such as the kiosk.
    Dark,
}

impl ChartTheme {
    fn name(self) -> &'static str {
        match self {
            ChartTheme::Light => "light",
            ChartTheme::Dark => "dark",
        }
    }
}

/// Draws `chart` with ECharts in a full-width container of `height` pixels.
///
/// A new option is applied to the existing instance without animation, at
/// most once per animation frame however often `chart` changes, so live
/// what-if figures redraw as fast as the screen refreshes. Only the first
/// drawing animates, if the option asks for it.
#[component]
pub fn EChart(
    /// The chart to draw; each change redraws it.
    #[prop(into)]
    chart: Signal<Chart>,
    /// Height of the container in CSS pixels.
    #[prop(default = 320)]
    height: u32,
    /// Value of the container's `data-testid` attribute.
    #[prop(into, optional)]
    test_id: Option<String>,
    /// Accessible name of the chart, read by screen readers.
    #[prop(into, optional)]
    label: Option<String>,
    /// Colour theme.
    #[prop(optional)]
    theme: ChartTheme,
) -> impl IntoView {
    let container = NodeRef::<leptos::html::Div>::new();
    let (error, set_error) = signal(None::<String>);
    let state = Rc::new(RefCell::new(ChartState::new(chart, theme, set_error)));
    let holder = StoredValue::new_local(state.clone());

    {
        let state = state.clone();
        Effect::new(move |_| {
            // Tracks the chart, so that each change schedules a redraw.
            chart.track();
            let Some(element) = container.get() else {
                return;
            };
            let first_run = {
                let mut inner = state.borrow_mut();
                inner.option_dirty = true;
                inner.element.is_none()
            };
            if first_run {
                attach(&state, element.unchecked_into());
            } else {
                schedule_frame(&state);
            }
        });
    }

    on_cleanup(move || {
        if let Some(state) = holder.try_get_value() {
            detach(&state);
        }
    });

    let style = format!("width:100%;height:{height}px;position:relative");
    view! {
        <div class="chart">
            <div
                node_ref=container
                style=style
                data-testid=test_id
                role="img"
                aria-label=label
            ></div>
            {move || {
                error
                    .get()
                    .map(|text| {
                        view! {
                            <p class="chart-error" role="alert">
                                {text}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

struct ChartState {
    chart: Signal<Chart>,
    theme: ChartTheme,
    set_error: WriteSignal<Option<String>>,
    element: Option<HtmlElement>,
    instance: Option<ECharts>,
    echarts_loaded: bool,
    /// The chart changed since it was last drawn.
    option_dirty: bool,
    /// The container changed size since the chart was last laid out.
    resize_dirty: bool,
    /// Whether a drawing has happened, after which updates do not animate.
    drawn: bool,
    frame: Option<AnimationFrameRequestHandle>,
    observer: Option<ResizeObserver>,
    observer_callback: Option<Closure<dyn FnMut()>>,
    disposed: bool,
}

impl ChartState {
    fn new(
        chart: Signal<Chart>,
        theme: ChartTheme,
        set_error: WriteSignal<Option<String>>,
    ) -> ChartState {
        ChartState {
            chart,
            theme,
            set_error,
            element: None,
            instance: None,
            echarts_loaded: false,
            option_dirty: true,
            resize_dirty: false,
            drawn: false,
            frame: None,
            observer: None,
            observer_callback: None,
            disposed: false,
        }
    }

    fn fail(&self, context: &str, error: &JsValue) {
        log::error!("chart: {context}: {error:?}");
        self.set_error.try_set(Some(format!(
            "图表无法显示（{context}），请刷新页面重试。"
        )));
    }
}

type SharedState = Rc<RefCell<ChartState>>;

/// Starts observing the container's size and loading ECharts; the first
/// frame after both draws the chart.
fn attach(state: &SharedState, element: HtmlElement) {
    let callback = {
        let state = state.clone();
        Closure::<dyn FnMut()>::new(move || {
            state.borrow_mut().resize_dirty = true;
            schedule_frame(&state);
        })
    };
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref());
    {
        let mut inner = state.borrow_mut();
        match observer {
            Ok(observer) => {
                observer.observe(&element);
                inner.observer = Some(observer);
                inner.observer_callback = Some(callback);
            }
            // The chart still draws once; it just keeps its first size.
            Err(error) => log::warn!("chart: no ResizeObserver: {error:?}"),
        }
        inner.element = Some(element);
    }

    let promise = match load_echarts() {
        Ok(promise) => promise,
        Err(error) => {
            state.borrow().fail("加载图表库失败", &error);
            return;
        }
    };
    let state = state.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let loaded = wasm_bindgen_futures::JsFuture::from(promise).await;
        let mut inner = state.borrow_mut();
        if inner.disposed {
            return;
        }
        match loaded {
            Ok(_) => {
                inner.echarts_loaded = true;
                drop(inner);
                schedule_frame(&state);
            }
            Err(error) => inner.fail("加载图表库失败", &error),
        }
    });
}

/// Requests one animation frame for all pending work, unless one is
/// already requested.
fn schedule_frame(state: &SharedState) {
    let mut inner = state.borrow_mut();
    if inner.disposed || inner.frame.is_some() {
        return;
    }
    let frame_state = state.clone();
    match request_animation_frame_with_handle(move || draw(&frame_state)) {
        Ok(handle) => inner.frame = Some(handle),
        Err(error) => log::error!("chart: requestAnimationFrame: {error:?}"),
    }
}

/// Creates the instance on first use, then applies the latest option and
/// the latest container size.
fn draw(state: &SharedState) {
    let mut inner = state.borrow_mut();
    inner.frame = None;
    if inner.disposed || !inner.echarts_loaded {
        return;
    }
    let Some(element) = inner.element.clone() else {
        return;
    };
    // ECharts cannot lay out a chart in a container without size (a hidden
    // tab, say); the resize observer calls again once it has one.
    if element.client_width() == 0 || element.client_height() == 0 {
        return;
    }

    if inner.instance.is_none() {
        let settings = js_object(&[
            ("renderer", JsValue::from_str("canvas")),
            ("locale", JsValue::from_str("ZH")),
        ]);
        let theme = JsValue::from_str(inner.theme.name());
        match init_echarts(&element, &theme, &settings) {
            Ok(instance) => {
                inner.instance = Some(instance);
                inner.option_dirty = true;
                inner.resize_dirty = false;
            }
            Err(error) => {
                inner.fail("初始化图表失败", &error);
                return;
            }
        }
    }

    if inner.option_dirty {
        inner.option_dirty = false;
        match option_value(inner.chart, inner.drawn) {
            Ok(Some(option)) => {
                let settings = js_object(&[("notMerge", JsValue::TRUE)]);
                let instance = inner.instance.as_ref().expect("created above");
                match instance.set_option(&option, &settings) {
                    Ok(()) => inner.drawn = true,
                    Err(error) => inner.fail("绘制图表失败", &error),
                }
            }
            // The chart's signal is gone: the component is being removed.
            Ok(None) => return,
            Err(error) => {
                inner.fail("图表数据无效", &error);
                return;
            }
        }
    }

    if inner.resize_dirty {
        inner.resize_dirty = false;
        let instance = inner.instance.as_ref().expect("created above");
        if let Err(error) = instance.resize() {
            log::warn!("chart: resize failed: {error:?}");
        }
    }
}

/// Converts the chart to the JavaScript object ECharts reads. Updates
/// after the first drawing switch animation off, so live figures do not
/// lag behind the input.
fn option_value(
    chart: Signal<Chart>,
    drawn: bool,
) -> Result<Option<JsValue>, JsValue> {
    let Some(json) = chart.try_with_untracked(serde_json::to_string) else {
        return Ok(None);
    };
    let json = json.map_err(|e| JsValue::from_str(&e.to_string()))?;
    let option = js_sys::JSON::parse(&json)?;
    if drawn {
        js_sys::Reflect::set(&option, &"animation".into(), &JsValue::FALSE)?;
    }
    Ok(Some(option))
}

fn js_object(entries: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in entries {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// Stops observing, cancels the pending frame and disposes the instance.
fn detach(state: &SharedState) {
    let mut inner = state.borrow_mut();
    inner.disposed = true;
    if let Some(frame) = inner.frame.take() {
        frame.cancel();
    }
    if let Some(observer) = inner.observer.take() {
        observer.disconnect();
    }
    inner.observer_callback = None;
    if let Some(instance) = inner.instance.take() {
        instance.dispose();
    }
    inner.element = None;
}
