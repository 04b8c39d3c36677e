/**
 * The 2FA screens of the consoles our users administer (consoles.md), written from their manuals' facts:
 * same words, same shapes, our own markup.
 */

/** Trend Micro login, "確認コード": one field 「6桁のコード」, button 「送信」, and an e-mailed emergency-code link. */
export const TREND_LOGIN = `
  <main>
    <h1>確認コード</h1>
    <p>お使いのモバイルデバイスからGoogle認証システムアプリを使用して、確認コードを取得し、入力してください。</p>
    <form>
      <label for="tm-code">6桁のコード</label>
      <input id="tm-code" type="text" placeholder="6桁のコード">
      <button type="submit">送信</button>
    </form>
    <a href="#emergency">緊急アクセスコードをメールで送信</a>
  </main>`;

/** Trend Micro's e-mailed emergency code page: not a TOTP field. */
export const TREND_EMERGENCY = `
  <form>
    <h1>緊急アクセスコード</h1>
    <label for="tm-emergency">緊急アクセスコード</label>
    <input id="tm-emergency" type="text">
    <button type="submit">送信</button>
  </form>`;

/** Webroot 2FA setup, step 4: type the app's code, 「認証コードを確認する」. */
export const WEBROOT_SETUP = `
  <section>
    <h2>ステップ4</h2>
    <p>認証アプリに表示されたコードを入力してください。</p>
    <div class="field"><span>認証コード</span><input id="wr-code" type="text" inputmode="numeric"></div>
    <button>認証コードを確認する</button>
    <button>キャンセル</button>
  </section>`;

/** ServiceNow portal, authenticator screen: 「6桁の検証コード」 with placeholder XXX-XXX. */
export const SERVICENOW_TOTP = `
  <header>ログイン中: admin@example.co.jp</header>
  <form>
    <h1>本人確認を行う</h1>
    <p>認証アプリに表示されたコードを入力します</p>
    <label for="sn-code">6桁の検証コード</label>
    <input id="sn-code" type="text" placeholder="XXX-XXX" maxlength="7">
    <label><input type="checkbox" id="sn-trust">今後8時間、このブラウザのMFAを試さないでください</label>
    <button type="submit">検証</button>
    <a href="#other">別の確認方法をお試しください</a>
  </form>`;

/** ServiceNow portal, e-mail screen: looks like the TOTP one, but the code was e-mailed. */
export const SERVICENOW_EMAIL = `
  <form>
    <h1>本人確認を行う</h1>
    <p>メールに送信されたコードを入力します</p>
    <p>a***n@example.co.jp</p>
    <label for="sn-mail-code">6桁の認証コード</label>
    <input id="sn-mail-code" type="text" placeholder="XXXXXX">
    <button type="submit">検証</button>
    <a href="#resend">コードを再送信 26秒以内</a>
  </form>`;

/** The step before all of them: user ID and password only. */
export const LOGIN_PAGE = `
  <form>
    <h1>ログイン</h1>
    <label for="user">ユーザーID</label><input id="user" name="user_id" type="text" autocomplete="username">
    <label for="pass">パスワード</label><input id="pass" name="password" type="password">
    <button type="submit">ログイン</button>
  </form>`;
