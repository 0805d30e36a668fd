/**
 * LINE actions (https://developers.line.biz/en/reference/messaging-api/#action-objects) performed as the LINE
 * app performs them, for one phone. The phone provides send(event), openUri(uri), pickDatetime(action),
 * pickPhoto(), askLocation(), refreshRichMenu(), setRichMenuOpen(open), focusText() and status(text).
 */
export async function performAction(action, phone) {
  switch (action.type) {
    case 'postback':
      await phone.send({ type: 'postback', data: action.data, displayText: action.displayText ?? action.text });
      applyInputOption(action.inputOption, phone);
      return;
    case 'message':
      await phone.send({ type: 'text', text: action.text });
      return;
    case 'uri':
      await phone.openUri(action.uri);
      return;
    case 'datetimepicker':
      phone.pickDatetime(action);
      return;
    case 'camera':
    case 'cameraRoll':
      phone.pickPhoto();
      return;
    case 'location':
      phone.askLocation();
      return;
    case 'richmenuswitch':
      // LINE switches to the alias's menu and sends a postback event carrying the alias and the outcome.
      await phone.send({ type: 'postback', data: action.data, newRichMenuAliasId: action.richMenuAliasId });
      await phone.refreshRichMenu();
      return;
    case 'clipboard':
      await navigator.clipboard?.writeText(action.clipboardText);
      phone.status('コピーしました');
      return;
    default:
      phone.status(`この操作（${action.type}）はシミュレーターでは使えません`);
  }
}

/** What a screen reader announces and a button shows for an action. */
export function actionLabel(action) {
  return action.label ?? action.displayText ?? action.text ?? action.uri ?? action.data ?? action.type;
}

/** Makes an element with an action tappable, and reachable and operable with the keyboard. */
export function tappable(element, action, run) {
  if (!action) {
    return element;
  }
  element.classList.add('tappable');
  element.setAttribute('role', 'button');
  element.setAttribute('tabindex', '0');
  element.setAttribute('aria-label', actionLabel(action));
  element.addEventListener('click', (event) => {
    event.stopPropagation();
    run(action);
  });
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      run(action);
    }
  });
  return element;
}

function applyInputOption(option, phone) {
  if (option === 'openRichMenu' || option === 'closeRichMenu') {
    phone.setRichMenuOpen(option === 'openRichMenu');
  } else if (option === 'openKeyboard') {
    phone.focusText();
  }
}
