// Called by every page before NiceGUI registers its components (delivery.COMPONENTS): a component
// whose template was compiled ahead (assets/vue.renders.js, scripts/make_vue_runtime.py) gets its
// render function, so that Vue's runtime-only build, which cannot compile, draws it.
function cercleCompiled(app) {
  const register = app.component;
  app.component = function (name, ...definition) {
    const component = definition[0];
    if (component && typeof component.template === "string" && !component.render) {
      const make = window.cercleRenders && window.cercleRenders[component.template];
      if (make) {
        component.render = make();
        delete component.template;
      } else if (window.cercleVueRuntime) {
        console.error(`Cercle: the template of ${name} was not compiled ahead (scripts/make_vue_runtime.py)`);
      }
    }
    return register.call(this, name, ...definition);
  };
}
