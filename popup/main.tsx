import { render } from 'preact';
import { Popup } from './Popup';
import { uiLanguage } from '../lib/i18n';

document.documentElement.lang = uiLanguage();
render(<Popup />, document.getElementById('app')!);
