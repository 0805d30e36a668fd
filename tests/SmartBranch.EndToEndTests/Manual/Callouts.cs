namespace SmartBranch.EndToEndTests.Manual;

/// <summary>
/// The illustrations drawn over a page before its screenshot: each marked element outlined, with a numbered label
/// beside it. Drawn into the page itself, so no image library is needed, and removed again afterwards.
/// </summary>
internal static class Callouts
{
    public const string Draw = """
        marks => {
          const layer = document.createElement('div');
          layer.id = 'manual-callouts';
          layer.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;z-index:2147483647;pointer-events:none';
          for (const mark of marks) {
            const element = document.querySelector(mark.selector);
            if (!element) throw new Error('No element matches ' + mark.selector);
            const box = element.getBoundingClientRect();
            const left = box.left + window.scrollX, top = box.top + window.scrollY;
            const outline = document.createElement('div');
            outline.style.cssText = `position:absolute;left:${left - 5}px;top:${top - 5}px;width:${box.width + 10}px;height:${box.height + 10}px;`
              + 'border:3px solid #d0021b;border-radius:8px;box-sizing:border-box;box-shadow:0 0 0 2px #fff';
            const label = document.createElement('div');
            label.textContent = `${mark.number} ${mark.label}`;
            label.style.cssText = `position:absolute;left:${Math.max(0, left - 14)}px;top:${Math.max(0, top - 30)}px;`
              + 'background:#d0021b;color:#fff;font:700 15px/1.2 sans-serif;padding:4px 10px;border-radius:14px;'
              + 'box-shadow:0 1px 3px rgba(0,0,0,.4);white-space:nowrap';
            layer.append(outline, label);
          }
          document.body.append(layer);
        }
        """;

    public const string Remove = "() => document.getElementById('manual-callouts')?.remove()";
}
