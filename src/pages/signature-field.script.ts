/**
 * The browser half of the signature field (signature-field.ts renders the markup), served as
 * /assets/signature-field.<hash>.js after signature_pad. A string, like the stylesheet: the build compiles only
 * TypeScript, and a compiled function's text could carry the compiler's helpers. Plain ES2017 without backticks
 * or dollar-brace (it sits in a template literal); nothing inline in the page, so the CSP stays at script-src 'self'.
 *
 * Without this script (or without signature_pad) the drawing area stays hidden and the typed name is the way to
 * sign. With it: pointer events (mouse, pen, finger) through signature_pad; the canvas is sized to its box times
 * devicePixelRatio and re-sized, keeping the strokes, when its box changes (rotation, zoom); "clear" empties it;
 * on submit the drawing goes into the hidden input as a PNG data URL (empty when nothing was drawn).
 */
export const SIGNATURE_FIELD_SCRIPT = `(function () {
  'use strict';
  function bind(field) {
    var canvas = field.querySelector('canvas[data-signature-canvas]');
    var output = field.querySelector('input[data-signature-output]');
    var clear = field.querySelector('button[data-signature-clear]');
    var status = field.querySelector('[data-signature-status]');
    var area = field.querySelector('[data-signature-draw]');
    var form = field.closest('form');
    if (!canvas || !output || !clear || !area || !form || typeof window.SignaturePad !== 'function') return;
    area.hidden = false;
    var pad = new window.SignaturePad(canvas, { penColor: '#111827', minWidth: 0.8, maxWidth: 2.6 });
    var drawn = status ? status.getAttribute('data-drawn') : '';
    var empty = status ? status.getAttribute('data-empty') : '';
    function report() {
      if (status) status.textContent = pad.isEmpty() ? empty : drawn;
    }
    var size = '';
    function resize() {
      var ratio = Math.max(window.devicePixelRatio || 1, 1);
      var width = Math.round(canvas.offsetWidth * ratio);
      var height = Math.round(canvas.offsetHeight * ratio);
      if (width === 0 || height === 0 || size === width + 'x' + height) return;
      size = width + 'x' + height;
      var strokes = pad.toData();
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d').scale(ratio, ratio);
      pad.clear();
      if (strokes.length > 0) pad.fromData(strokes);
    }
    if (typeof ResizeObserver === 'function') new ResizeObserver(resize).observe(canvas);
    else window.addEventListener('resize', resize);
    resize();
    pad.addEventListener('endStroke', report);
    clear.addEventListener('click', function () {
      pad.clear();
      output.value = '';
      report();
    });
    form.addEventListener('submit', function () {
      output.value = pad.isEmpty() ? '' : pad.toDataURL('image/png');
    });
  }
  function start() {
    var fields = document.querySelectorAll('[data-signature-field]');
    for (var i = 0; i < fields.length; i += 1) bind(fields[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
