/*! Made from NiceGUI 3.18.0, vue v3.5.22 (MIT License, (c) 2018-present Yuxi (Evan) You and Vue contributors) by scripts/make_vue_runtime.py: do not edit. 23 templates. */
window.cercleRenders = {
  "\n    <Teleport :to=\"target\">\n      <slot></slot>\n    </Teleport>\n  ": function () {
const { renderSlot: _renderSlot, Teleport: _Teleport, openBlock: _openBlock, createBlock: _createBlock } = Vue

return function render(_ctx, _cache) {
  return (_openBlock(), _createBlock(_Teleport, { to: _ctx.target }, [
    _renderSlot(_ctx.$slots, "default")
  ], 8 /* PROPS */, ["to"]))
}
},
  "\n    <component :is=\"tag || 'q-img'\" ref=\"qRef\" :src=\"computed_src\">\n      <template v-for=\"(_, slot) in $slots\" v-slot:[slot]=\"slotProps\">\n        <slot :name=\"slot\" v-bind=\"slotProps || {}\" />\n      </template>\n    </component>\n  ": function () {
const { normalizeProps: _normalizeProps, guardReactiveProps: _guardReactiveProps, renderSlot: _renderSlot, resolveDynamicComponent: _resolveDynamicComponent, withCtx: _withCtx, renderList: _renderList, createSlots: _createSlots, openBlock: _openBlock, createBlock: _createBlock } = Vue

return function render(_ctx, _cache) {
  return (_openBlock(), _createBlock(_resolveDynamicComponent(_ctx.tag || 'q-img'), {
    ref: "qRef",
    src: _ctx.computed_src
  }, _createSlots({ _: 2 /* DYNAMIC */ }, [
    _renderList(_ctx.$slots, (_, slot) => {
      return {
        name: slot,
        fn: _withCtx((slotProps) => [
          _renderSlot(_ctx.$slots, slot, _normalizeProps(_guardReactiveProps(slotProps || {})))
        ])
      }
    })
  ]), 1032 /* PROPS, DYNAMIC_SLOTS */, ["src"]))
}
},
  "\n    <div style=\"position:relative\" data-initializing>\n      <canvas style=\"position:relative\"></canvas>\n      <div style=\"position:absolute;pointer-events:none;top:0\"></div>\n      <div style=\"position:absolute;pointer-events:none;top:0\"></div>\n      <div style=\"position:absolute;display:none;inset:0;cursor:pointer\">WebGL context lost. Click to re-initialize.</div>\n    </div>": function () {
const { createElementVNode: _createElementVNode, openBlock: _openBlock, createElementBlock: _createElementBlock } = Vue

const _hoisted_1 = {
  style: {"position":"relative"},
  "data-initializing": ""
}

return function render(_ctx, _cache) {
  return (_openBlock(), _createElementBlock("div", _hoisted_1, [...(_cache[0] || (_cache[0] = [
    _createElementVNode("canvas", { style: {"position":"relative"} }, null, -1 /* CACHED */),
    _createElementVNode("div", { style: {"position":"absolute","pointer-events":"none","top":"0"} }, null, -1 /* CACHED */),
    _createElementVNode("div", { style: {"position":"absolute","pointer-events":"none","top":"0"} }, null, -1 /* CACHED */),
    _createElementVNode("div", { style: {"position":"absolute","display":"none","inset":"0","cursor":"pointer"} }, "WebGL context lost. Click to re-initialize.", -1 /* CACHED */)
  ]))]))
}
},
  "\n    <div style=\"position:relative\" data-initializing>\n      <canvas style=\"position:relative\"></canvas>\n    </div>": function () {
const { createElementVNode: _createElementVNode, openBlock: _openBlock, createElementBlock: _createElementBlock } = Vue

const _hoisted_1 = {
  style: {"position":"relative"},
  "data-initializing": ""
}

return function render(_ctx, _cache) {
  return (_openBlock(), _createElementBlock("div", _hoisted_1, [...(_cache[0] || (_cache[0] = [
    _createElementVNode("canvas", { style: {"position":"relative"} }, null, -1 /* CACHED */)
  ]))]))
}
},
  "\n    <div></div>\n  ": function () {
const { openBlock: _openBlock, createElementBlock: _createElementBlock } = Vue

return function render(_ctx, _cache) {
  return (_openBlock(), _createElementBlock("div"))
}
},
  "\n    <q-dialog @show=\"addClass\" @hide=\"removeClass\">\n      <slot />\n    </q-dialog>\n  ": function () {
const { renderSlot: _renderSlot, resolveComponent: _resolveComponent, withCtx: _withCtx, openBlock: _openBlock, createBlock: _createBlock } = Vue

return function render(_ctx, _cache) {
  const _component_q_dialog = _resolveComponent("q-dialog")

  return (_openBlock(), _createBlock(_component_q_dialog, {
    onShow: _ctx.addClass,
    onHide: _ctx.removeClass
  }, {
    default: _withCtx(() => [
      _renderSlot(_ctx.$slots, "default")
    ]),
    _: 3 /* FORWARDED */
  }, 8 /* PROPS */, ["onShow", "onHide"]))
}
},
  "\n    <q-editor ref=\"qRef\" v-model=\"inputValue\">\n      <template v-for=\"(_, slot) in $slots\" v-slot:[slot]=\"slotProps\">\n        <slot :name=\"slot\" v-bind=\"slotProps || {}\" />\n      </template>\n    </q-editor>\n  ": function () {
const { normalizeProps: _normalizeProps, guardReactiveProps: _guardReactiveProps, renderSlot: _renderSlot, resolveComponent: _resolveComponent, withCtx: _withCtx, renderList: _renderList, createSlots: _createSlots, openBlock: _openBlock, createBlock: _createBlock } = Vue

return function render(_ctx, _cache) {
  const _component_q_editor = _resolveComponent("q-editor")

  return (_openBlock(), _createBlock(_component_q_editor, {
    ref: "qRef",
    modelValue: _ctx.inputValue,
    "onUpdate:modelValue": $event => ((_ctx.inputValue) = $event)
  }, _createSlots({ _: 2 /* DYNAMIC */ }, [
    _renderList(_ctx.$slots, (_, slot) => {
      return {
        name: slot,
        fn: _withCtx((slotProps) => [
          _renderSlot(_ctx.$slots, slot, _normalizeProps(_guardReactiveProps(slotProps || {})))
        ])
      }
    })
  ]), 1032 /* PROPS, DYNAMIC_SLOTS */, ["modelValue", "onUpdate:modelValue"]))
}
},
  "\n    <q-expansion-item ref=\"qRef\">\n      <template v-for=\"(_, name) in nonDefaultSlots\" :key=\"name\" v-slot:[name]=\"slotProps\">\n        <slot :name=\"name\" v-bind=\"slotProps || {}\" />\n      </template>\n      <div class=\"nicegui-expansion-content\">\n        <slot></slot>\n      </div>\n    </q-expansion-item>\n  ": function () {
const { normalizeProps: _normalizeProps, guardReactiveProps: _guardReactiveProps, renderSlot: _renderSlot, createElementVNode: _createElementVNode, resolveComponent: _resolveComponent, withCtx: _withCtx, renderList: _renderList, createSlots: _createSlots, openBlock: _openBlock, createBlock: _createBlock } = Vue

const _hoisted_1 = { class: "nicegui-expansion-content" }

return function render(_ctx, _cache) {
  const _component_q_expansion_item = _resolveComponent("q-expansion-item")

  return (_openBlock(), _createBlock(_component_q_expansion_item, { ref: "qRef" }, _createSlots({
    default: _withCtx(() => [
      _createElementVNode("div", _hoisted_1, [
        _renderSlot(_ctx.$slots, "default")
      ])
    ]),
    _: 2 /* DYNAMIC */
  }, [
    _renderList(_ctx.nonDefaultSlots, (_, name) => {
      return {
        name: name,
        fn: _withCtx((slotProps) => [
          _renderSlot(_ctx.$slots, name, _normalizeProps(_guardReactiveProps(slotProps || {})))
        ])
      }
    })
  ]), 1536 /* NEED_PATCH, DYNAMIC_SLOTS */))
}
},
  "\n    <q-input\n      ref=\"qRef\"\n      v-bind=\"$attrs\"\n      v-model=\"inputValue\"\n      :shadow-text=\"shadowText\"\n      @keydown.tab=\"perform_autocomplete\"\n      :list=\"id + '-datalist'\"\n    >\n      <template v-for=\"(_, slot) in $slots\" v-slot:[slot]=\"slotProps\">\n        <slot :name=\"slot\" v-bind=\"slotProps || {}\" />\n      </template>\n    </q-input>\n    <datalist v-if=\"withDatalist\" :id=\"id + '-datalist'\">\n      <option v-for=\"option in this._autocomplete\" :value=\"option\"></option>\n    </datalist>\n  ": function () {
const { normalizeProps: _normalizeProps, guardReactiveProps: _guardReactiveProps, renderSlot: _renderSlot, resolveComponent: _resolveComponent, withKeys: _withKeys, mergeProps: _mergeProps, withCtx: _withCtx, renderList: _renderList, createSlots: _createSlots, createVNode: _createVNode, Fragment: _Fragment, openBlock: _openBlock, createElementBlock: _createElementBlock, createCommentVNode: _createCommentVNode } = Vue

const _hoisted_1 = ["id"]
const _hoisted_2 = ["value"]

return function render(_ctx, _cache) {
  const _component_q_input = _resolveComponent("q-input")

  return (_openBlock(), _createElementBlock(_Fragment, null, [
    _createVNode(_component_q_input, _mergeProps({ ref: "qRef" }, _ctx.$attrs, {
      modelValue: _ctx.inputValue,
      "onUpdate:modelValue": $event => ((_ctx.inputValue) = $event),
      "shadow-text": _ctx.shadowText,
      onKeydown: _withKeys(_ctx.perform_autocomplete, ["tab"]),
      list: _ctx.id + '-datalist'
    }), _createSlots({ _: 2 /* DYNAMIC */ }, [
      _renderList(_ctx.$slots, (_, slot) => {
        return {
          name: slot,
          fn: _withCtx((slotProps) => [
            _renderSlot(_ctx.$slots, slot, _normalizeProps(_guardReactiveProps(slotProps || {})))
          ])
        }
      })
    ]), 1040 /* FULL_PROPS, DYNAMIC_SLOTS */, ["modelValue", "onUpdate:modelValue", "shadow-text", "onKeydown", "list"]),
    (_ctx.withDatalist)
      ? (_openBlock(), _createElementBlock("datalist", {
          key: 0,
          id: _ctx.id + '-datalist'
        }, [
          (_openBlock(true), _createElementBlock(_Fragment, null, _renderList(this._autocomplete, (option) => {
            return (_openBlock(), _createElementBlock("option", { value: option }, null, 8 /* PROPS */, _hoisted_2))
          }), 256 /* UNKEYED_FRAGMENT */))
        ], 8 /* PROPS */, _hoisted_1))
      : _createCommentVNode("v-if", true)
  ], 64 /* STABLE_FRAGMENT */))
}
},
  "\n    <q-select\n      ref=\"qRef\"\n      :options=\"filteredOptions\"\n      @filter=\"filterFn\"\n      @popup-show=\"addClass\"\n      @popup-hide=\"removeClass\"\n      @input-value=\"forwardInputValue\"\n      @update:model-value=\"forwardModelValue\"\n    >\n      <template v-for=\"(_, slot) in $slots\" v-slot:[slot]=\"slotProps\">\n        <slot :name=\"slot\" v-bind=\"slotProps || {}\" />\n      </template>\n    </q-select>\n  ": function () {
const { normalizeProps: _normalizeProps, guardReactiveProps: _guardReactiveProps, renderSlot: _renderSlot, resolveComponent: _resolveComponent, withCtx: _withCtx, renderList: _renderList, createSlots: _createSlots, openBlock: _openBlock, createBlock: _createBlock } = Vue

return function render(_ctx, _cache) {
  const _component_q_select = _resolveComponent("q-select")

  return (_openBlock(), _createBlock(_component_q_select, {
    ref: "qRef",
    options: _ctx.filteredOptions,
    onFilter: _ctx.filterFn,
    onPopupShow: _ctx.addClass,
    onPopupHide: _ctx.removeClass,
    onInputValue: _ctx.forwardInputValue,
    "onUpdate:modelValue": _ctx.forwardModelValue
  }, _createSlots({ _: 2 /* DYNAMIC */ }, [
    _renderList(_ctx.$slots, (_, slot) => {
      return {
        name: slot,
        fn: _withCtx((slotProps) => [
          _renderSlot(_ctx.$slots, slot, _normalizeProps(_guardReactiveProps(slotProps || {})))
        ])
      }
    })
  ]), 1032 /* PROPS, DYNAMIC_SLOTS */, ["options", "onFilter", "onPopupShow", "onPopupHide", "onInputValue", "onUpdate:modelValue"]))
}
},
  "\n    <q-table ref=\"qRef\" :columns=\"convertedColumns\" @fullscreen=\"setFullscreenClass\">\n      <template v-for=\"(_, slot) in $slots\" v-slot:[slot]=\"slotProps\">\n        <slot :name=\"slot\" v-bind=\"slotProps || {}\" />\n      </template>\n    </q-table>\n  ": function () {
const { normalizeProps: _normalizeProps, guardReactiveProps: _guardReactiveProps, renderSlot: _renderSlot, resolveComponent: _resolveComponent, withCtx: _withCtx, renderList: _renderList, createSlots: _createSlots, openBlock: _openBlock, createBlock: _createBlock } = Vue

return function render(_ctx, _cache) {
  const _component_q_table = _resolveComponent("q-table")

  return (_openBlock(), _createBlock(_component_q_table, {
    ref: "qRef",
    columns: _ctx.convertedColumns,
    onFullscreen: _ctx.setFullscreenClass
  }, _createSlots({ _: 2 /* DYNAMIC */ }, [
    _renderList(_ctx.$slots, (_, slot) => {
      return {
        name: slot,
        fn: _withCtx((slotProps) => [
          _renderSlot(_ctx.$slots, slot, _normalizeProps(_guardReactiveProps(slotProps || {})))
        ])
      }
    })
  ]), 1032 /* PROPS, DYNAMIC_SLOTS */, ["columns", "onFullscreen"]))
}
},
  "\n    <q-uploader\n      ref=\"qRef\"\n      :url=\"computed_url\"\n    >\n      <template v-for=\"(_, slot) in $slots\" v-slot:[slot]=\"slotProps\">\n        <slot :name=\"slot\" v-bind=\"slotProps || {}\" />\n      </template>\n    </q-uploader>\n  ": function () {
const { normalizeProps: _normalizeProps, guardReactiveProps: _guardReactiveProps, renderSlot: _renderSlot, resolveComponent: _resolveComponent, withCtx: _withCtx, renderList: _renderList, createSlots: _createSlots, openBlock: _openBlock, createBlock: _createBlock } = Vue

return function render(_ctx, _cache) {
  const _component_q_uploader = _resolveComponent("q-uploader")

  return (_openBlock(), _createBlock(_component_q_uploader, {
    ref: "qRef",
    url: _ctx.computed_url
  }, _createSlots({ _: 2 /* DYNAMIC */ }, [
    _renderList(_ctx.$slots, (_, slot) => {
      return {
        name: slot,
        fn: _withCtx((slotProps) => [
          _renderSlot(_ctx.$slots, slot, _normalizeProps(_guardReactiveProps(slotProps || {})))
        ])
      }
    })
  ]), 1032 /* PROPS, DYNAMIC_SLOTS */, ["url"]))
}
},
  "<Teleport v-if=\"isLoaded\" :to=\"to\" :key=\"key\"><slot></slot></Teleport>": function () {
const { renderSlot: _renderSlot, Teleport: _Teleport, openBlock: _openBlock, createBlock: _createBlock, createCommentVNode: _createCommentVNode } = Vue

return function render(_ctx, _cache) {
  return (_ctx.isLoaded)
    ? (_openBlock(), _createBlock(_Teleport, {
        to: _ctx.to,
        key: _ctx.key
      }, [
        _renderSlot(_ctx.$slots, "default")
      ], 8 /* PROPS */, ["to"]))
    : _createCommentVNode("v-if", true)
}
},
  "<a :href=\"computed_href\" :target=\"target\"><slot></slot></a>": function () {
const { renderSlot: _renderSlot, openBlock: _openBlock, createElementBlock: _createElementBlock } = Vue

const _hoisted_1 = ["href", "target"]

return function render(_ctx, _cache) {
  return (_openBlock(), _createElementBlock("a", {
    href: _ctx.computed_href,
    target: _ctx.target
  }, [
    _renderSlot(_ctx.$slots, "default")
  ], 8 /* PROPS */, _hoisted_1))
}
},
  "<audio :controls=\"controls\" :autoplay=\"autoplay\" :muted=\"muted\" :src=\"computed_src\" />": function () {
const { openBlock: _openBlock, createElementBlock: _createElementBlock } = Vue

const _hoisted_1 = ["controls", "autoplay", "muted", "src"]

return function render(_ctx, _cache) {
  return (_openBlock(), _createElementBlock("audio", {
    controls: _ctx.controls,
    autoplay: _ctx.autoplay,
    muted: _ctx.muted,
    src: _ctx.computed_src
  }, null, 8 /* PROPS */, _hoisted_1))
}
},
  "<component :is=\"tag\"></component>": function () {
const { resolveDynamicComponent: _resolveDynamicComponent, openBlock: _openBlock, createBlock: _createBlock } = Vue

return function render(_ctx, _cache) {
  return (_openBlock(), _createBlock(_resolveDynamicComponent(_ctx.tag)))
}
},
  "<div style=\"display: contents\"></div>": function () {
const { openBlock: _openBlock, createElementBlock: _createElementBlock } = Vue

const _hoisted_1 = { style: {"display":"contents"} }

return function render(_ctx, _cache) {
  return (_openBlock(), _createElementBlock("div", _hoisted_1))
}
},
  "<div></div>": function () {
const { openBlock: _openBlock, createElementBlock: _createElementBlock } = Vue

return function render(_ctx, _cache) {
  return (_openBlock(), _createElementBlock("div"))
}
},
  "<div><div></div></div>": function () {
const { createElementVNode: _createElementVNode, openBlock: _openBlock, createElementBlock: _createElementBlock } = Vue

return function render(_ctx, _cache) {
  return (_openBlock(), _createElementBlock("div", null, [...(_cache[0] || (_cache[0] = [
    _createElementVNode("div", null, null, -1 /* CACHED */)
  ]))]))
}
},
  "<div><slot></slot></div>": function () {
const { renderSlot: _renderSlot, openBlock: _openBlock, createElementBlock: _createElementBlock } = Vue

return function render(_ctx, _cache) {
  return (_openBlock(), _createElementBlock("div", null, [
    _renderSlot(_ctx.$slots, "default")
  ]))
}
},
  "<q-header ref=\"qRef\"><slot></slot></q-header>": function () {
const { renderSlot: _renderSlot, resolveComponent: _resolveComponent, withCtx: _withCtx, openBlock: _openBlock, createBlock: _createBlock } = Vue

return function render(_ctx, _cache) {
  const _component_q_header = _resolveComponent("q-header")

  return (_openBlock(), _createBlock(_component_q_header, { ref: "qRef" }, {
    default: _withCtx(() => [
      _renderSlot(_ctx.$slots, "default")
    ]),
    _: 3 /* FORWARDED */
  }, 512 /* NEED_PATCH */))
}
},
  "<q-scroll-area ref=\"qRef\" @scroll=\"onScroll\"><slot></slot></q-scroll-area>": function () {
const { renderSlot: _renderSlot, resolveComponent: _resolveComponent, withCtx: _withCtx, openBlock: _openBlock, createBlock: _createBlock } = Vue

return function render(_ctx, _cache) {
  const _component_q_scroll_area = _resolveComponent("q-scroll-area")

  return (_openBlock(), _createBlock(_component_q_scroll_area, {
    ref: "qRef",
    onScroll: _ctx.onScroll
  }, {
    default: _withCtx(() => [
      _renderSlot(_ctx.$slots, "default")
    ]),
    _: 3 /* FORWARDED */
  }, 8 /* PROPS */, ["onScroll"]))
}
},
  "<video :controls=\"controls\" :autoplay=\"autoplay\" :muted=\"muted\" :src=\"computed_src\" />": function () {
const { openBlock: _openBlock, createElementBlock: _createElementBlock } = Vue

const _hoisted_1 = ["controls", "autoplay", "muted", "src"]

return function render(_ctx, _cache) {
  return (_openBlock(), _createElementBlock("video", {
    controls: _ctx.controls,
    autoplay: _ctx.autoplay,
    muted: _ctx.muted,
    src: _ctx.computed_src
  }, null, 8 /* PROPS */, _hoisted_1))
}
}
};
