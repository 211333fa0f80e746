// react-aria injects a <style> element for touch-action unless an element with this id exists. Our CSP refuses
// inline styles, so base.css carries the rule and this inert marker prevents the injection (and the CSP error).
// The browser tests fail on any CSP violation, which would reveal a change of this id in a later react-aria.
const markerId = 'react-aria-pressable-style';

if (!document.getElementById(markerId)) {
  const marker = document.createElement('template');
  marker.id = markerId;
  document.head.append(marker);
}
