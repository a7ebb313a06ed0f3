// The portal's words in Vietnamese (the default) and English, and dates as offices write them: dd/mm/yyyy.
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const vi = {
  appName: 'planflow: theo dõi kế hoạch',
  skip: 'Bỏ qua, đến nội dung chính',
  switchTo: 'English',
  home: 'Trang chủ',
  menu: 'Trình đơn',
  inbox: 'Việc của tôi',
  plans: 'Kế hoạch',
  signIn: 'Đăng nhập',
  signOut: 'Đăng xuất',
  signedInAs: 'Đang đăng nhập:',
  emailLabel: 'Địa chỉ thư điện tử công vụ',
  sendLink: 'Gửi liên kết đăng nhập',
  signInIntro: 'Nhập địa chỉ thư công vụ của anh/chị. Chúng tôi sẽ gửi một liên kết đăng nhập, dùng được một lần trong 15 phút.',
  linkSent: 'Nếu địa chỉ này có trong danh bạ, một liên kết đăng nhập vừa được gửi tới. Hãy mở thư và bấm vào liên kết trong vòng 15 phút.',
  tooMany: 'Anh/chị đã yêu cầu quá nhiều liên kết. Vui lòng thử lại sau ít phút.',
  confirmTitle: 'Xác nhận đăng nhập',
  confirmIntro: 'Bấm nút dưới đây để đăng nhập vào planflow.',
  confirm: 'Đăng nhập',
  linkInvalid: 'Liên kết đăng nhập không hợp lệ, đã được dùng hoặc đã hết hạn. Hãy yêu cầu một liên kết mới.',
  requestNew: 'Yêu cầu liên kết mới',
  orSso: 'Hoặc đăng nhập bằng tài khoản một cửa (SSO) của tỉnh',
  sso: 'Đăng nhập bằng SSO',
  ssoFailed: 'Không đăng nhập được qua SSO: tài khoản không khớp với ai trong danh bạ, hoặc phiên đăng nhập đã hết hạn.',
  welcome: 'Xin chào',
  notSignedIn: 'Anh/chị chưa đăng nhập.',
  forbidden: 'Anh/chị không có quyền thực hiện việc này.',
  csrfFailed: 'Biểu mẫu đã hết hạn hoặc không hợp lệ. Hãy tải lại trang và thử lại.',
  notFound: 'Không tìm thấy trang.',
  tooLarge: 'Dữ liệu gửi lên quá lớn.',
  serverError: 'Đã có lỗi. Vui lòng thử lại sau.',
  emailInvalid: 'email: địa chỉ thư không hợp lệ',
  dateOfToday: 'Hôm nay',
  signInMailSubject: 'Liên kết đăng nhập planflow',
};
export type Messages = typeof vi;

const en: Messages = {
  appName: 'planflow: plan tracking',
  skip: 'Skip to main content',
  switchTo: 'Tiếng Việt',
  home: 'Home',
  menu: 'Menu',
  inbox: 'My work',
  plans: 'Plans',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: 'Signed in as',
  emailLabel: 'Official email address',
  sendLink: 'Send a sign-in link',
  signInIntro: 'Enter your official email address. We will send a sign-in link, usable once within 15 minutes.',
  linkSent: 'If this address is in the directory, a sign-in link has just been sent to it. Open the email and click the link within 15 minutes.',
  tooMany: 'Too many links requested. Please try again in a few minutes.',
  confirmTitle: 'Confirm sign-in',
  confirmIntro: 'Press the button below to sign in to planflow.',
  confirm: 'Sign in',
  linkInvalid: 'This sign-in link is invalid, already used or expired. Please request a new one.',
  requestNew: 'Request a new link',
  orSso: 'Or sign in with the province’s single sign-on',
  sso: 'Sign in with SSO',
  ssoFailed: 'Single sign-on failed: the account matches no one in the directory, or the sign-in expired.',
  welcome: 'Welcome',
  notSignedIn: 'You are not signed in.',
  forbidden: 'You may not do this.',
  csrfFailed: 'The form expired or is invalid. Reload the page and try again.',
  notFound: 'Page not found.',
  tooLarge: 'What was sent is too large.',
  serverError: 'Something went wrong. Please try again later.',
  emailInvalid: 'email: not a valid address',
  dateOfToday: 'Today',
  signInMailSubject: 'Your planflow sign-in link',
};

export const messages = (lang: Lang): Messages => {
  switch (lang) {
    case 'vi':
      return vi;
    case 'en':
      return en;
    default: {
      const never: never = lang;
      throw new Error(`unknown language ${String(never)}`);
    }
  }
};

export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

/** dd/mm/yyyy in Vietnam's time zone, whatever the reader's language. */
export function formatDate(value: Date | string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  return new Date(value).toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
}
