<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About PeerJournal</source>
        <translation>PeerJournal について</translation>
    </message>
    <message>
        <source>PeerJournal logo</source>
        <translation>PeerJournal のロゴ</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>バージョン %1</translation>
    </message>
    <message>
        <source>Your journal and mood log, encrypted on this computer. Nothing leaves it unless you choose to share an entry with a peer.</source>
        <translation>あなたの日記と気分の記録は、このコンピューター上で暗号化されています。ピアとエントリーを共有すると決めない限り、何も外に出ません。</translation>
    </message>
    <message>
        <source>PeerJournal is free software: you may use, share and change it under the terms of its licence, %1. It comes with no warranty.</source>
        <translation>PeerJournal はフリーソフトウェアです。ライセンス %1 の条件のもとで、使用・共有・変更できます。無保証です。</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>コンポーネント</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Bundled components</source>
        <translation>同梱コンポーネント</translation>
    </message>
    <message>
        <source>&amp;Bundled components and their licences:</source>
        <translation>同梱コンポーネントとそのライセンス(&amp;B):</translation>
    </message>
    <message>
        <source>Licence text</source>
        <translation>ライセンス本文</translation>
    </message>
    <message>
        <source>&amp;Licence text:</source>
        <translation>ライセンス本文(&amp;L):</translation>
    </message>
    <message>
        <source>%1 does not ship its licence text. Its licence is %2; the full text of each licence is in the SPDX licence list (spdx.org/licenses).</source>
        <translation>%1 にはライセンス本文が含まれていません。ライセンスは %2 です。各ライセンスの全文は SPDX ライセンスリスト (spdx.org/licenses) にあります。</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <source>Paused while the journal is locked.</source>
        <translation>ジャーナルがロックされている間は一時停止しています。</translation>
    </message>
    <message>
        <source>Paused: the vault is read-only.</source>
        <translation>一時停止中:保管庫は読み取り専用です。</translation>
    </message>
    <message>
        <source>Checking for messages…</source>
        <translation>メッセージを確認しています…</translation>
    </message>
    <message>
        <source>Checks for messages every %1.</source>
        <translation>%1ごとにメッセージを確認します。</translation>
    </message>
    <message>
        <source>No peers yet: nothing to check.</source>
        <translation>まだピアがいないので、確認するものはありません。</translation>
    </message>
    <message>
        <source>Checking in the background is off.</source>
        <translation>バックグラウンドでの確認はオフです。</translation>
    </message>
    <message>
        <source>Offline. Trying again in about %1.</source>
        <translation>オフラインです。約%1後にもう一度試します。</translation>
    </message>
    <message>
        <source>Checked at %2. Next check in about %1.</source>
        <translation>%2に確認しました。次の確認は約%1後です。</translation>
    </message>
    <message>
        <source>Your invite is waiting for them to accept it. Press “Check for messages” once they have; “Cancel the invite…” on its card takes it back.</source>
        <translation>招待は相手が受け入れるのを待っています。受け入れてもらえたら「メッセージを確認」を押してください。カードの「招待を取り消す…」で取り消せます。</translation>
    </message>
    <message>
        <source>Your invite is waiting for them to accept it; PeerJournal looks for their answer every %1. Changed your mind? “Cancel the invite…” on its card takes it back.</source>
        <translation>招待は相手が受け入れるのを待っています。PeerJournal は %1ごとに返事を確認します。気が変わったら、カードの「招待を取り消す…」で取り消せます。</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n分</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>今すぐバックアップ(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>バックアップから復元(&amp;R)…</translation>
    </message>
    <message>
        <source>Back up the vault to</source>
        <translation>保管庫のバックアップ先</translation>
    </message>
    <message>
        <source>PeerJournal backups (*.pjbackup)</source>
        <translation>PeerJournal バックアップ (*.pjbackup)</translation>
    </message>
    <message>
        <source>Writing an encrypted backup…</source>
        <translation>暗号化されたバックアップを書き込んでいます…</translation>
    </message>
    <message>
        <source>The encrypted backup was written to %1. It opens with the passphrase you have now, also after you change it.</source>
        <translation>暗号化されたバックアップを %1 に書き込みました。今のパスフレーズで開けます。あとでパスフレーズを変えても同じです。</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>PeerJournal backups (*.pjbackup);;All files (*)</source>
        <translation>PeerJournal バックアップ (*.pjbackup);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Restore into a new or empty folder</source>
        <translation>新しいフォルダーか空のフォルダーに復元する</translation>
    </message>
    <message>
        <source>Passphrase of the backup</source>
        <translation>バックアップのパスフレーズ</translation>
    </message>
    <message>
        <source>The passphrase that was current when the backup was made:</source>
        <translation>バックアップを作ったときのパスフレーズ:</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>バックアップを確認して復元しています…</translation>
    </message>
    <message>
        <source>Restored %1 and %2 into %3. Open that folder as your vault (peerjournal --vault FOLDER) to use it.</source>
        <translation>%1と%2を %3 に復元しました。使うには、そのフォルダーを保管庫として開いてください (peerjournal --vault FOLDER)。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln 件のエントリー</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mood logs</source>
        <translation>
            <numerusform>%Ln 件の気分記録</numerusform>
        </translation>
    </message>
    <message>
        <source>The automatic backup was not made: %1</source>
        <translation>自動バックアップは作成されませんでした: %1</translation>
    </message>
    <message>
        <source>Automatic backup made.</source>
        <translation>自動バックアップを作成しました。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>バックアップ</translation>
    </message>
</context>
<context>
    <name>BackupSettingsPanel</name>
    <message>
        <source>Backups are encrypted copies of your whole vault. Each opens with the passphrase you had when it was made. Save applies these settings.</source>
        <translation>バックアップは保管庫全体の暗号化されたコピーです。それぞれ、作成したときのパスフレーズで開けます。「保存」でこの設定が適用されます。</translation>
    </message>
    <message>
        <source>Make a backup every day when the vault is opened</source>
        <translation>保管庫を開いたとき、毎日バックアップを作る</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>残すバックアップの数</translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation>新しいものから残す数</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>バックアップフォルダー</translation>
    </message>
    <message>
        <source>backups/ in the vault folder</source>
        <translation>保管庫フォルダー内の backups/</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>最後のバックアップ</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>まだありません</translation>
    </message>
    <message>
        <source>Folder for automatic backups</source>
        <translation>自動バックアップのフォルダー</translation>
    </message>
    <message>
        <source>Backup settings saved.</source>
        <translation>バックアップの設定を保存しました。</translation>
    </message>
</context>
<context>
    <name>BugDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <source>PeerJournal ran into a bug (a mistake in its code). What you were doing may not have finished; try it again.</source>
        <translation>PeerJournal で不具合(プログラムの誤り)が起きました。していた操作は終わっていないかもしれません。もう一度試してください。</translation>
    </message>
    <message>
        <source>Show report folder</source>
        <translation>レポートのフォルダーを表示</translation>
    </message>
    <message>
        <source>A report was written to the file below. It holds only the kind of error and the places in PeerJournal&apos;s code, never what you wrote; you can attach it when you tell the developers.</source>
        <translation>下のファイルにレポートを書き出しました。含まれるのはエラーの種類と PeerJournal のコード上の場所だけで、あなたが書いた内容は決して含まれません。開発者に知らせるときに添付できます。</translation>
    </message>
    <message>
        <source>The report could not be written to a file.</source>
        <translation>レポートをファイルに書き出せませんでした。</translation>
    </message>
    <message>
        <source>This happened %1 times.</source>
        <translation>これは%1回起きました。</translation>
    </message>
</context>
<context>
    <name>CareBanner</name>
    <message>
        <source>Support is here</source>
        <translation>支えはここにあります</translation>
    </message>
    <message>
        <source>See support options</source>
        <translation>相談先を見る</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>今はいい</translation>
    </message>
    <message>
        <source>That sounds like a really hard moment. You don&apos;t have to go through it alone: people are there to listen, right now.</source>
        <translation>本当につらい時なのですね。ひとりで抱えなくていいのです。今すぐ話を聴いてくれる人たちがいます。</translation>
    </message>
    <message>
        <source>What you wrote sounds heavy. If you are thinking about hurting yourself, you deserve support right now.</source>
        <translation>書かれた内容がとても重く感じられます。もし自分を傷つけることを考えているなら、あなたは今すぐ支えを受けていいのです。</translation>
    </message>
</context>
<context>
    <name>CheckInDialog</name>
    <message>
        <source>Edit check-in</source>
        <translation>チェックインを編集</translation>
    </message>
    <message>
        <source>How are you?</source>
        <translation>気分はどうですか?</translation>
    </message>
    <message>
        <source>How were you feeling then?</source>
        <translation>そのとき、どんな気分でしたか?</translation>
    </message>
    <message>
        <source>How are you feeling right now?</source>
        <translation>今、どんな気分ですか?</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>感情</translation>
    </message>
    <message>
        <source>Add your own emotion</source>
        <translation>自分の感情を追加</translation>
    </message>
    <message>
        <source>Add emotion</source>
        <translation>感情を追加</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活動</translation>
    </message>
    <message>
        <source>Add your own activity</source>
        <translation>自分の活動を追加</translation>
    </message>
    <message>
        <source>Add activity</source>
        <translation>活動を追加</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>メモ(任意)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Anything you want to remember about now</source>
        <translation>今のことで覚えておきたいこと</translation>
    </message>
    <message>
        <source>Time of the check-in</source>
        <translation>チェックインの時刻</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>保存 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Level %1: %2</source>
        <translation>レベル%1: %2</translation>
    </message>
    <message>
        <source>Pick how you feel first.</source>
        <translation>まず今の気分を選んでください。</translation>
    </message>
</context>
<context>
    <name>ChipGroup</name>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
</context>
<context>
    <name>CrisisDialog</name>
    <message>
        <source>Help right now</source>
        <translation>今すぐ助けが必要なとき</translation>
    </message>
    <message>
        <source>If you are in danger right now, call your local emergency number. You deserve support, and reaching out is a strong thing to do.</source>
        <translation>今まさに危険な状態なら、その地域の緊急番号に電話してください。あなたは支えを受けていいのです。助けを求めるのは勇気のあることです。</translation>
    </message>
    <message>
        <source>Search by country or service</source>
        <translation>国名やサービス名で検索</translation>
    </message>
    <message>
        <source>Crisis lines</source>
        <translation>相談窓口</translation>
    </message>
    <message>
        <source>Emergency number in %1: %2</source>
        <translation>%1の緊急番号: %2</translation>
    </message>
    <message>
        <source>The list of helplines could not be read. Please look up a helpline for your country, or call your local emergency number.</source>
        <translation>相談窓口の一覧を読み込めませんでした。お住まいの国の相談窓口を調べるか、その地域の緊急番号に電話してください。</translation>
    </message>
    <message>
        <source>No country matches that search. The directories below list helplines in many more countries.</source>
        <translation>その検索に合う国はありません。下の案内サイトには、もっと多くの国の相談窓口が載っています。</translation>
    </message>
    <message>
        <source>your country</source>
        <translation>あなたの国</translation>
    </message>
    <message>
        <source>Wherever you are, these directories list helplines in your country. Countries follow below.</source>
        <translation>どこにいても、これらの案内サイトであなたの国の相談窓口が見つかります。国別の一覧は下にあります。</translation>
    </message>
    <message>
        <source>Wherever you are</source>
        <translation>どこにいても</translation>
    </message>
    <message>
        <source>Other countries</source>
        <translation>そのほかの国</translation>
    </message>
    <message>
        <source>Numbers and hours change, so check them on the service&apos;s own website before relying on one. PeerJournal never calls or contacts anyone by itself.</source>
        <translation>番号や受付時間は変わることがあります。頼る前に、そのサービスの公式サイトで確認してください。PeerJournal が自分から誰かに電話したり連絡したりすることはありません。</translation>
    </message>
    <message>
        <source>This list was last checked on %1.</source>
        <translation>この一覧の最終確認日: %1</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>電話 %1</translation>
    </message>
    <message>
        <source>Text %1</source>
        <translation>SMS %1</translation>
    </message>
    <message>
        <source>for young people</source>
        <translation>若い人向け</translation>
    </message>
</context>
<context>
    <name>CrisisLines</name>
    <message>
        <source>Argentina</source>
        <translation>アルゼンチン</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>オーストリア</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>オーストラリア</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>ベルギー</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>ブラジル</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>カナダ</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>スイス</translation>
    </message>
    <message>
        <source>China</source>
        <translation>中国</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>ドイツ</translation>
    </message>
    <message>
        <source>Denmark</source>
        <translation>デンマーク</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>スペイン</translation>
    </message>
    <message>
        <source>Finland</source>
        <translation>フィンランド</translation>
    </message>
    <message>
        <source>France</source>
        <translation>フランス</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>イギリス</translation>
    </message>
    <message>
        <source>Hong Kong SAR China</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>アイルランド</translation>
    </message>
    <message>
        <source>Israel</source>
        <translation>イスラエル</translation>
    </message>
    <message>
        <source>India</source>
        <translation>インド</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>イタリア</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>韓国</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>メキシコ</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>オランダ</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>ノルウェー</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>ニュージーランド</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>ポーランド</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation>ポルトガル</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation>スウェーデン</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>シンガポール</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>アメリカ合衆国</translation>
    </message>
    <message>
        <source>South Africa</source>
        <translation>南アフリカ</translation>
    </message>
    <message>
        <source>Emergency services</source>
        <translation>緊急通報</translation>
    </message>
    <message>
        <source>24/7</source>
        <translation>24時間年中無休</translation>
    </message>
    <message>
        <source>988 Suicide &amp; Crisis Lifeline</source>
        <translation>988 Suicide &amp; Crisis Lifeline（自殺・危機ライフライン）</translation>
    </message>
    <message>
        <source>Crisis Text Line</source>
        <translation>Crisis Text Line（テキスト相談）</translation>
    </message>
    <message>
        <source>Text HOME to 741741</source>
        <translation>741741 に「HOME」とSMSを送信</translation>
    </message>
    <message>
        <source>9-8-8 Suicide Crisis Helpline</source>
        <translation>9-8-8 Suicide Crisis Helpline（自殺危機ヘルプライン）</translation>
    </message>
    <message>
        <source>Kids Help Phone</source>
        <translation>Kids Help Phone（子ども相談）</translation>
    </message>
    <message>
        <source>Text CONNECT to 686868</source>
        <translation>686868 に「CONNECT」とSMSを送信</translation>
    </message>
    <message>
        <source>112 also works.</source>
        <translation>112 でもつながります。</translation>
    </message>
    <message>
        <source>Samaritans</source>
        <translation>Samaritans（サマリタンズ）</translation>
    </message>
    <message>
        <source>Free to call; email jo@samaritans.org.</source>
        <translation>通話無料。メールは jo@samaritans.org へ。</translation>
    </message>
    <message>
        <source>Shout</source>
        <translation>Shout（テキスト相談）</translation>
    </message>
    <message>
        <source>Text SHOUT to 85258</source>
        <translation>85258 に「SHOUT」とSMSを送信</translation>
    </message>
    <message>
        <source>Childline</source>
        <translation>Childline（子ども相談）</translation>
    </message>
    <message>
        <source>For anyone under 19.</source>
        <translation>19歳未満の人向け。</translation>
    </message>
    <message>
        <source>NHS 111 (urgent mental health help in England)</source>
        <translation>NHS 111（イングランドの緊急のこころの相談）</translation>
    </message>
    <message>
        <source>999 also works.</source>
        <translation>999 でもつながります。</translation>
    </message>
    <message>
        <source>Samaritans Ireland</source>
        <translation>Samaritans Ireland（サマリタンズ）</translation>
    </message>
    <message>
        <source>Text About It (50808)</source>
        <translation>Text About It（50808）</translation>
    </message>
    <message>
        <source>Text HELLO to 50808</source>
        <translation>50808 に「HELLO」とSMSを送信</translation>
    </message>
    <message>
        <source>Notruf</source>
        <translation>Notruf（緊急通報）</translation>
    </message>
    <message>
        <source>TelefonSeelsorge</source>
        <translation>TelefonSeelsorge（電話相談）</translation>
    </message>
    <message>
        <source>Also 0800 111 0 222 and 116 123; free and anonymous.</source>
        <translation>0800 111 0 222 と 116 123 でも。無料・匿名。</translation>
    </message>
    <message>
        <source>Nummer gegen Kummer (Kinder- und Jugendtelefon)</source>
        <translation>Nummer gegen Kummer（子ども・若者向け電話相談）</translation>
    </message>
    <message>
        <source>Mon–Sat afternoons</source>
        <translation>月〜土の午後</translation>
    </message>
    <message>
        <source>Ambulance: 144.</source>
        <translation>救急車：144。</translation>
    </message>
    <message>
        <source>Rat auf Draht</source>
        <translation>Rat auf Draht（子ども・若者相談）</translation>
    </message>
    <message>
        <source>Die Dargebotene Hand / La Main Tendue</source>
        <translation>Die Dargebotene Hand / La Main Tendue（電話相談）</translation>
    </message>
    <message>
        <source>Pro Juventute</source>
        <translation>Pro Juventute（子ども・若者相談）</translation>
    </message>
    <message>
        <source>Numéro d&apos;urgence</source>
        <translation>Numéro d&apos;urgence（緊急通報）</translation>
    </message>
    <message>
        <source>SAMU: 15.</source>
        <translation>救急（SAMU）：15。</translation>
    </message>
    <message>
        <source>3114 – Numéro national de prévention du suicide</source>
        <translation>3114 – Numéro national de prévention du suicide（全国自殺予防ダイヤル）</translation>
    </message>
    <message>
        <source>Numéro d&apos;urgence / Noodnummer</source>
        <translation>Numéro d&apos;urgence / Noodnummer（緊急通報）</translation>
    </message>
    <message>
        <source>Zelfmoordlijn 1813</source>
        <translation>Zelfmoordlijn 1813（自殺予防ライン）</translation>
    </message>
    <message>
        <source>Alarmnummer</source>
        <translation>Alarmnummer（緊急通報）</translation>
    </message>
    <message>
        <source>113 Zelfmoordpreventie</source>
        <translation>113 Zelfmoordpreventie（自殺予防）</translation>
    </message>
    <message>
        <source>Also 0800 0113, free.</source>
        <translation>0800 0113 でも（無料）。</translation>
    </message>
    <message>
        <source>Emergencias</source>
        <translation>Emergencias（緊急通報）</translation>
    </message>
    <message>
        <source>Línea 024 de atención a la conducta suicida</source>
        <translation>Línea 024 de atención a la conducta suicida（自殺予防ライン）</translation>
    </message>
    <message>
        <source>Numero unico di emergenza</source>
        <translation>Numero unico di emergenza（緊急通報）</translation>
    </message>
    <message>
        <source>Telefono Azzurro</source>
        <translation>Telefono Azzurro（子ども相談）</translation>
    </message>
    <message>
        <source>Número europeu de emergência</source>
        <translation>Número europeu de emergência（緊急通報）</translation>
    </message>
    <message>
        <source>SNS 24</source>
        <translation>SNS 24</translation>
    </message>
    <message>
        <source>National health line, with psychological counselling.</source>
        <translation>国の保健相談ダイヤル。心理相談もあります。</translation>
    </message>
    <message>
        <source>Nödnummer</source>
        <translation>Nödnummer（緊急通報）</translation>
    </message>
    <message>
        <source>Mind Självmordslinjen</source>
        <translation>Mind Självmordslinjen（自殺予防ライン）</translation>
    </message>
    <message>
        <source>BRIS</source>
        <translation>BRIS（子ども相談）</translation>
    </message>
    <message>
        <source>Medisinsk nødhjelp</source>
        <translation>Medisinsk nødhjelp（救急）</translation>
    </message>
    <message>
        <source>112 for police.</source>
        <translation>警察：112。</translation>
    </message>
    <message>
        <source>Mental Helse Hjelpetelefonen</source>
        <translation>Mental Helse Hjelpetelefonen（こころの相談）</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm（緊急通報）</translation>
    </message>
    <message>
        <source>Livslinien</source>
        <translation>Livslinien（自殺予防ライン）</translation>
    </message>
    <message>
        <source>Daily, afternoon to night</source>
        <translation>毎日、午後から夜まで</translation>
    </message>
    <message>
        <source>Hätänumero</source>
        <translation>Hätänumero（緊急通報）</translation>
    </message>
    <message>
        <source>MIELI Crisis Helpline</source>
        <translation>MIELI Crisis Helpline（危機相談）</translation>
    </message>
    <message>
        <source>Numer alarmowy</source>
        <translation>Numer alarmowy（緊急通報）</translation>
    </message>
    <message>
        <source>Telefon zaufania dla dzieci i młodzieży</source>
        <translation>Telefon zaufania dla dzieci i młodzieży（子ども・若者相談）</translation>
    </message>
    <message>
        <source>Kryzysowy Telefon Zaufania</source>
        <translation>Kryzysowy Telefon Zaufania（危機相談）</translation>
    </message>
    <message>
        <source>Afternoons and evenings</source>
        <translation>午後と夜</translation>
    </message>
    <message>
        <source>112 works from mobiles.</source>
        <translation>携帯電話からは 112 でもつながります。</translation>
    </message>
    <message>
        <source>Lifeline</source>
        <translation>Lifeline（ライフライン）</translation>
    </message>
    <message>
        <source>Kids Helpline</source>
        <translation>Kids Helpline（子ども相談）</translation>
    </message>
    <message>
        <source>For ages 5 to 25.</source>
        <translation>5歳から25歳向け。</translation>
    </message>
    <message>
        <source>Beyond Blue</source>
        <translation>Beyond Blue（こころの相談）</translation>
    </message>
    <message>
        <source>Need to talk? 1737</source>
        <translation>Need to talk? 1737（相談ダイヤル）</translation>
    </message>
    <message>
        <source>Lifeline Aotearoa</source>
        <translation>Lifeline Aotearoa（ライフライン）</translation>
    </message>
    <message>
        <source>Youthline</source>
        <translation>Youthline（若者相談）</translation>
    </message>
    <message>
        <source>Tele-MANAS</source>
        <translation>Tele-MANAS</translation>
    </message>
    <message>
        <source>Government mental health line; also 1-800-891-4416; many Indian languages.</source>
        <translation>政府のこころの健康相談。1-800-891-4416 でも。インドの多くの言語に対応。</translation>
    </message>
    <message>
        <source>救急・消防 (Ambulance and fire)</source>
        <translation>救急・消防</translation>
    </message>
    <message>
        <source>警察 (Police)</source>
        <translation>警察</translation>
    </message>
    <message>
        <source>よりそいホットライン (Yorisoi Hotline)</source>
        <translation>よりそいホットライン</translation>
    </message>
    <message>
        <source>Free. From Iwate, Miyagi and Fukushima: 0120-279-226. Press 2 for help in other languages.</source>
        <translation>無料。岩手・宮城・福島からは 0120-279-226。外国語での相談は 2 を押してください。</translation>
    </message>
    <message>
        <source>いのちの電話 (Inochi no Denwa)</source>
        <translation>いのちの電話</translation>
    </message>
    <message>
        <source>Daily 10:00–22:00</source>
        <translation>毎日 10:00〜22:00</translation>
    </message>
    <message>
        <source>Free line 0120-783-556: daily 16:00–21:00, and from 8:00 on the 10th of each month for 24 hours.</source>
        <translation>フリーダイヤル 0120-783-556：毎日 16:00〜21:00、毎月10日は 8:00 から24時間。</translation>
    </message>
    <message>
        <source>こころの健康相談統一ダイヤル (Mental health consultation)</source>
        <translation>こころの健康相談統一ダイヤル</translation>
    </message>
    <message>
        <source>Varies by prefecture</source>
        <translation>都道府県によって異なります</translation>
    </message>
    <message>
        <source>Connects to the public mental health centre of your prefecture.</source>
        <translation>お住まいの都道府県の公的な相談窓口につながります。</translation>
    </message>
    <message>
        <source>TELL Lifeline</source>
        <translation>TELL Lifeline（TELLライフライン）</translation>
    </message>
    <message>
        <source>Counselling in English; see the website for today&apos;s hours and its chat.</source>
        <translation>英語での相談。本日の受付時間とチャットはウェブサイトで確認してください。</translation>
    </message>
    <message>
        <source>チャイルドライン (Childline Japan)</source>
        <translation>チャイルドライン</translation>
    </message>
    <message>
        <source>Daily 16:00–21:00</source>
        <translation>毎日 16:00〜21:00</translation>
    </message>
    <message>
        <source>Free, for anyone under 18; chat on the website.</source>
        <translation>無料、18歳までの子ども向け。ウェブサイトでチャットもできます。</translation>
    </message>
    <message>
        <source>24時間子供SOSダイヤル (24-hour Children&apos;s SOS)</source>
        <translation>24時間子供SOSダイヤル</translation>
    </message>
    <message>
        <source>Free, run by the education boards for children and parents.</source>
        <translation>無料。教育委員会が子どもと保護者のために運営しています。</translation>
    </message>
    <message>
        <source>응급 (Emergency)</source>
        <translation>응급（緊急通報）</translation>
    </message>
    <message>
        <source>자살예방상담전화 (Suicide prevention line)</source>
        <translation>자살예방상담전화（自殺予防相談電話）</translation>
    </message>
    <message>
        <source>急救 (Ambulance)</source>
        <translation>急救（救急）</translation>
    </message>
    <message>
        <source>Police: 110.</source>
        <translation>警察：110。</translation>
    </message>
    <message>
        <source>The Samaritan Befrienders Hong Kong</source>
        <translation>The Samaritan Befrienders Hong Kong（香港サマリタンズ）</translation>
    </message>
    <message>
        <source>Ambulance</source>
        <translation>救急</translation>
    </message>
    <message>
        <source>Police: 999.</source>
        <translation>警察：999。</translation>
    </message>
    <message>
        <source>Samaritans of Singapore (SOS)</source>
        <translation>Samaritans of Singapore（SOS）</translation>
    </message>
    <message>
        <source>Magen David Adom</source>
        <translation>Magen David Adom（救急）</translation>
    </message>
    <message>
        <source>ERAN</source>
        <translation>ERAN（こころの応急相談）</translation>
    </message>
    <message>
        <source>SAMU</source>
        <translation>SAMU（救急）</translation>
    </message>
    <message>
        <source>Police: 190.</source>
        <translation>警察：190。</translation>
    </message>
    <message>
        <source>CVV – Centro de Valorização da Vida</source>
        <translation>CVV – Centro de Valorização da Vida（いのちの相談）</translation>
    </message>
    <message>
        <source>Línea de la Vida</source>
        <translation>Línea de la Vida（いのちの相談）</translation>
    </message>
    <message>
        <source>Centro de Asistencia al Suicida</source>
        <translation>Centro de Asistencia al Suicida（自殺予防相談）</translation>
    </message>
    <message>
        <source>135 from Buenos Aires and its area; (011) 5275-1135 from elsewhere.</source>
        <translation>ブエノスアイレスとその周辺からは 135、その他の地域からは (011) 5275-1135。</translation>
    </message>
    <message>
        <source>Emergency from a mobile</source>
        <translation>携帯電話からの緊急通報</translation>
    </message>
    <message>
        <source>Ambulance: 10177.</source>
        <translation>救急車：10177。</translation>
    </message>
    <message>
        <source>SADAG Suicide Crisis Helpline</source>
        <translation>SADAG Suicide Crisis Helpline（自殺危機相談）</translation>
    </message>
    <message>
        <source>Free, verified directory of helplines in many countries, searchable by topic.</source>
        <translation>多くの国の相談窓口を確認済みで載せた無料の一覧。テーマで検索できます。</translation>
    </message>
    <message>
        <source>International Association for Suicide Prevention: crisis centres around the world.</source>
        <translation>国際自殺予防学会：世界の危機相談センター。</translation>
    </message>
</context>
<context>
    <name>DailyMoodChart</name>
    <message>
        <source>Daily mood chart</source>
        <extracomment>Tick steps in the order they are tried: days, weeks, two weeks, months, quarters, years.</extracomment>
        <translation>毎日の気分のグラフ</translation>
    </message>
    <message>
        <source>Daily average</source>
        <translation>1日の平均</translation>
    </message>
    <message>
        <source>7-day average</source>
        <translation>7日間の平均</translation>
    </message>
    <message>
        <source>%1: average %2</source>
        <translation>%1: 平均 %2</translation>
    </message>
</context>
<context>
    <name>EntryDelegate</name>
    <message>
        <source>Untitled</source>
        <extracomment>Mood levels with a marker; its colour is the theme&apos;s mark scale (never the only cue, the list also carries the level in its accessible text).</extracomment>
        <translation>無題</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>Pick an entry on the left, or press Ctrl+N to start writing.</source>
        <translation>左のエントリーを選ぶか、Ctrl+N で書き始めましょう。</translation>
    </message>
    <message>
        <source>Date and time of the entry</source>
        <translation>エントリーの日付と時刻</translation>
    </message>
    <message>
        <source>When this entry was written; you can change it</source>
        <translation>このエントリーを書いた日時です。変更できます</translation>
    </message>
    <message>
        <source>Linked mood</source>
        <translation>関連づけた気分</translation>
    </message>
    <message>
        <source>Star this entry</source>
        <translation>このエントリーにスターを付ける</translation>
    </message>
    <message>
        <source>Starred</source>
        <translation>スター付き</translation>
    </message>
    <message>
        <source>Title (optional)</source>
        <translation>タイトル(任意)</translation>
    </message>
    <message>
        <source>Entry title</source>
        <translation>エントリーのタイトル</translation>
    </message>
    <message>
        <source>Entry text (Markdown)</source>
        <translation>エントリーの本文 (Markdown)</translation>
    </message>
    <message>
        <source>Length of the text</source>
        <translation>文章の長さ</translation>
    </message>
    <message>
        <source>Write freely. Markdown works: **bold** (Ctrl+B), *italic* (Ctrl+I), - lists.</source>
        <translation>自由に書きましょう。Markdown が使えます: **太字** (Ctrl+B)、*斜体* (Ctrl+I)、- 箇条書き。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln文字</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln word(s)</source>
        <translation>
            <numerusform>%Ln語</numerusform>
        </translation>
    </message>
    <message>
        <source>Write</source>
        <translation>書く</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>プレビュー</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>保存の状態</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>ゴミ箱へ移動</translation>
    </message>
    <message>
        <source>Move this entry to the trash</source>
        <translation>このエントリーをゴミ箱へ移動</translation>
    </message>
    <message>
        <source>Pick an entry on the left to read it.</source>
        <translation>左のエントリーを選ぶと、ここで読めます。</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>読み取り専用</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <source>No mood linked</source>
        <translation>気分の関連づけなし</translation>
    </message>
    <message>
        <source>An earlier mood</source>
        <translation>以前の気分</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存しました</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>保存されていません: {0}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>保存されていません</translation>
    </message>
</context>
<context>
    <name>EntryListModel</name>
    <message>
        <source>starred</source>
        <translation>スター付き</translation>
    </message>
    <message>
        <source>mood {0} of 5</source>
        <translation>気分 {0}/5</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <extracomment>(format, single file, file-name suffix) per choice, in the order shown.</extracomment>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>PeerJournal JSON (everything, the trash too)</source>
        <translation>PeerJournal JSON(ごみ箱を含むすべて)</translation>
    </message>
    <message>
        <source>Markdown: a folder, one file per entry</source>
        <translation>Markdown: フォルダー(エントリーごとに 1 ファイル)</translation>
    </message>
    <message>
        <source>Markdown: one file</source>
        <translation>Markdown: 1 つのファイル</translation>
    </message>
    <message>
        <source>CSV: mood logs, for spreadsheets</source>
        <translation>CSV: 気分の記録(表計算ソフト用)</translation>
    </message>
    <message>
        <source>PDF: printable</source>
        <translation>PDF: 印刷用</translation>
    </message>
    <message>
        <source>Only from … to …</source>
        <translation>期間を指定: … から … まで</translation>
    </message>
    <message>
        <source>all entries; or tags, separated by commas</source>
        <translation>すべてのエントリー、またはカンマ区切りのタグ</translation>
    </message>
    <message>
        <source>where to write the export</source>
        <translation>エクスポートの保存先</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>&lt;b&gt;An export is not encrypted.&lt;/b&gt; Anyone who can read the file can read your journal. Keep it on an encrypted disk and delete it when done; for a private copy use File → Back up now… (encrypted) instead.</source>
        <translation>&lt;b&gt;エクスポートは暗号化されていません。&lt;/b&gt;ファイルを読める人は誰でも日記を読めます。暗号化されたディスクに保管し、使い終わったら削除してください。非公開のコピーには、代わりに「ファイル → 今すぐバックアップ…」(暗号化)を使ってください。</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>形式(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>タグ(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>保存先(&amp;S):</translation>
    </message>
    <message>
        <source>Export (not encrypted)</source>
        <translation>エクスポート(暗号化なし)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>エクスポート先</translation>
    </message>
    <message>
        <source>Choose where to write the export.</source>
        <translation>エクスポートの保存先を選んでください。</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセル中…</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>エクスポートしています…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln entries to %1 (not encrypted).</source>
        <translation>
            <numerusform>%Ln 件のエントリーを %1 にエクスポートしました(暗号化なし)。</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed; nothing was written.</source>
        <translation>エクスポートに失敗しました。何も書き込まれていません。</translation>
    </message>
</context>
<context>
    <name>FeedCard</name>
    <message>
        <source>You shared with %1</source>
        <extracomment>The quick reactions, in the order of their buttons (words, not emoji: every font has them).</extracomment>
        <translation>%1 と共有しました</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>%1 から</translation>
    </message>
    <message>
        <source>Shared text</source>
        <translation>共有されたテキスト</translation>
    </message>
    <message>
        <source>Content warning: %1</source>
        <translation>内容の注意: %1</translation>
    </message>
    <message>
        <source>Show anyway</source>
        <translation>それでも表示する</translation>
    </message>
    <message>
        <source>mood %1 of 5</source>
        <translation>気分 %1/5</translation>
    </message>
    <message>
        <source>Worried about them?</source>
        <translation>相手のことが心配ですか?</translation>
    </message>
    <message>
        <source>Worried about %1? What you can do</source>
        <translation>%1 のことが心配ですか?できること</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>返信</translation>
    </message>
    <message>
        <source>This might land hard — send anyway or edit?</source>
        <translation>この言葉はきつく届くかもしれません。このまま送りますか、それとも書き直しますか?</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>このまま送る</translation>
    </message>
    <message>
        <source>Edit my reply</source>
        <translation>返信を書き直す</translation>
    </message>
    <message>
        <source>♥ Heart</source>
        <translation>♥ ハート</translation>
    </message>
    <message>
        <source>Hug</source>
        <translation>ハグ</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>応援</translation>
    </message>
    <message>
        <source>Same here</source>
        <translation>わたしも</translation>
    </message>
    <message>
        <source>Thanks</source>
        <translation>ありがとう</translation>
    </message>
    <message>
        <source>A short, kind reply…</source>
        <translation>短く、やさしい返信…</translation>
    </message>
    <message>
        <source>You sent a heart</source>
        <translation>ハートを送りました</translation>
    </message>
    <message>
        <source>You sent a hug</source>
        <translation>ハグを送りました</translation>
    </message>
    <message>
        <source>You sent strength</source>
        <translation>応援を送りました</translation>
    </message>
    <message>
        <source>You said: same here</source>
        <translation>「わたしも」と伝えました</translation>
    </message>
    <message>
        <source>You said thanks</source>
        <translation>「ありがとう」と伝えました</translation>
    </message>
    <message>
        <source>%1 sent a heart</source>
        <translation>%1 がハートを送りました</translation>
    </message>
    <message>
        <source>%1 sent a hug</source>
        <translation>%1 がハグを送りました</translation>
    </message>
    <message>
        <source>%1 sent strength</source>
        <translation>%1 が応援を送りました</translation>
    </message>
    <message>
        <source>%1 said: same here</source>
        <translation>%1:「わたしも」</translation>
    </message>
    <message>
        <source>%1 said thanks</source>
        <translation>%1:「ありがとう」</translation>
    </message>
    <message>
        <source>You</source>
        <translation>あなた</translation>
    </message>
</context>
<context>
    <name>FeedWidget</name>
    <message>
        <source>From your peers</source>
        <translation>ピアから</translation>
    </message>
    <message>
        <source>You shared</source>
        <translation>あなたが共有したもの</translation>
    </message>
    <message>
        <source>You&apos;ve been here a while. Maybe a good moment for a break or a check-in?</source>
        <translation>しばらくここにいますね。ひと休みするか、チェックインしてみませんか?</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>チェックイン</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>非表示にする</translation>
    </message>
    <message>
        <source>Back to the newest</source>
        <translation>最新に戻る</translation>
    </message>
    <message>
        <source>Show older</source>
        <translation>以前のものを表示</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>フィード</translation>
    </message>
    <message>
        <source>Nothing you shared yet. Use “Share…” on an entry.</source>
        <translation>まだ何も共有していません。エントリーの「共有…」を使ってください。</translation>
    </message>
    <message>
        <source>Nothing here yet. When a peer shares something, it appears here after “Check for messages”.</source>
        <translation>まだ何もありません。ピアが何かを共有すると、「メッセージを確認」のあとにここに表示されます。</translation>
    </message>
    <message>
        <source>Sent. It goes out whenever the relay is reachable.</source>
        <translation>送信しました。リレーにつながり次第届けられます。</translation>
    </message>
    <message numerus="yes">
        <source>This week: %n minute(s) in the feed.</source>
        <translation>
            <numerusform>今週: フィードで%n分。</numerusform>
        </translation>
    </message>
    <message>
        <source>This week: less than a minute in the feed.</source>
        <translation>今週: フィードで1分未満。</translation>
    </message>
</context>
<context>
    <name>FindingsReview</name>
    <message>
        <source>Found in the text (checked = replaced)</source>
        <translation>テキストで見つかったもの(チェック = 置き換え)</translation>
    </message>
    <message>
        <source>Start again from the entry</source>
        <translation>エントリーからやり直す</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>見つかったもの</translation>
    </message>
    <message>
        <source>Always do this with the selected words</source>
        <translation>選んだ言葉にはいつもこうする</translation>
    </message>
    <message>
        <source>an email address</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>a link</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>a social media handle</source>
        <translation>SNS のハンドル名</translation>
    </message>
    <message>
        <source>an IP address</source>
        <translation>IP アドレス</translation>
    </message>
    <message>
        <source>a phone number</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>an ID number</source>
        <translation>ID 番号</translation>
    </message>
    <message>
        <source>a bank or card number</source>
        <translation>銀行口座またはカードの番号</translation>
    </message>
    <message>
        <source>a date of birth</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>a street address</source>
        <translation>住所</translation>
    </message>
    <message>
        <source>a postcode</source>
        <translation>郵便番号</translation>
    </message>
    <message>
        <source>an age</source>
        <translation>年齢</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>a school</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>a clinic or hospital</source>
        <translation>診療所または病院</translation>
    </message>
    <message>
        <source>a workplace</source>
        <translation>職場</translation>
    </message>
    <message>
        <source>a place</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>a word you chose to redact</source>
        <translation>伏せると決めた言葉</translation>
    </message>
    <message>
        <source>a time of day</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>a long number</source>
        <translation>長い番号</translation>
    </message>
    <message>
        <source>something that may identify someone</source>
        <translation>誰かを特定できるかもしれないもの</translation>
    </message>
    <message>
        <source>%1. “%2”: %3</source>
        <translation>%1.「%2」: %3</translation>
    </message>
    <message>
        <source>%1. “%2”: maybe %3</source>
        <translation>%1.「%2」: %3 かもしれません</translation>
    </message>
    <message>
        <source>%1. “%2”: maybe %3 (check to replace it)</source>
        <translation>%1.「%2」: %3 かもしれません(チェックすると置き換えます)</translation>
    </message>
    <message>
        <source>(always)</source>
        <translation>(いつも)</translation>
    </message>
    <message>
        <source>Nothing that looks identifying was found.</source>
        <translation>個人を特定できそうなものは見つかりませんでした。</translation>
    </message>
    <message>
        <source>Uncheck a line to keep the original words; check it to replace them.</source>
        <translation>元の言葉を残すならチェックを外し、置き換えるならチェックしてください。</translation>
    </message>
    <message>
        <source>You edited the text by hand, so the list is paused. “Start again from the entry” brings it back.</source>
        <translation>テキストを手で編集したので、一覧は一時停止しています。「エントリーからやり直す」で元に戻ります。</translation>
    </message>
    <message>
        <source>Always redact “%1” when I share</source>
        <translation>共有するとき「%1」をいつも伏せる</translation>
    </message>
    <message>
        <source>Always keep “%1” when I share</source>
        <translation>共有するとき「%1」をいつも残す</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Start your private journal</source>
        <translation>あなただけのジャーナルを始めましょう</translation>
    </message>
    <message>
        <source>Everything you write stays on this computer, encrypted with a passphrase only you know. No account, no cloud.</source>
        <translation>書いたことはすべてこのコンピューターに残り、あなただけが知るパスフレーズで暗号化されます。アカウントもクラウドもありません。</translation>
    </message>
    <message>
        <source>Vault folder</source>
        <translation>保管庫のフォルダー</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Choose the vault folder</source>
        <translation>保管庫のフォルダーを選ぶ</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <source>Create my journal</source>
        <translation>ジャーナルを作成</translation>
    </message>
    <message>
        <source>Where should the vault live?</source>
        <translation>保管庫をどこに置きますか?</translation>
    </message>
    <message>
        <source>Choose a stronger passphrase first (the hints above say how), and type it the same way twice.</source>
        <translation>まず、もっと強いパスフレーズを選んでください(上のヒントを参考に)。そして同じように2回入力してください。</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>あなたの復旧コード</translation>
    </message>
    <message>
        <source>If you ever forget your passphrase, this code is the only way back in. Write it down or keep it in a password manager. It is shown only this once.</source>
        <translation>パスフレーズを忘れたとき、このコードが唯一の入り口になります。書き留めるか、パスワードマネージャーに保存してください。表示されるのはこの一度だけです。</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>復旧コード</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Copy the recovery code</source>
        <translation>復旧コードをコピー</translation>
    </message>
    <message>
        <source>I have saved the code somewhere safe</source>
        <translation>コードを安全な場所に保存しました</translation>
    </message>
    <message>
        <source>Open my journal</source>
        <translation>ジャーナルを開く</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
</context>
<context>
    <name>GuessTime</name>
    <message>
        <source>Someone who stole your vault file could guess it in under a second.</source>
        <extracomment>Scores from zxcvbn are 0..4; below this a passphrase is refused.</extracomment>
        <translation>保管庫のファイルを盗んだ人は、1秒もかからずに推測できてしまいます。</translation>
    </message>
    <message>
        <source>Someone who stole your vault file would need centuries to guess it.</source>
        <translation>保管庫のファイルを盗んだ人が推測するには、何世紀もかかります。</translation>
    </message>
    <message>
        <source>Someone who stole your vault file would need about %1 to guess it.</source>
        <translation>保管庫のファイルを盗んだ人が推測するには、約%1かかります。</translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n年</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%nか月</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n時間</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>%1 (%2 of 5)</source>
        <translation>%1(5段階の%2)</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Check-in history</source>
        <translation>チェックインの履歴</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <source>Edit the selected check-in</source>
        <translation>選んだチェックインを編集</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete the selected check-in</source>
        <translation>選んだチェックインを削除</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Undo the delete</source>
        <translation>削除を取り消す</translation>
    </message>
    <message>
        <source>Check-in of %1 deleted.</source>
        <translation>%1 のチェックインを削除しました。</translation>
    </message>
    <message>
        <source>The check-in is back.</source>
        <translation>チェックインを元に戻しました。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import</source>
        <extracomment>The format that reads a folder (every other one reads a file). whether the progress shown is a check&apos;s (a dry run) rather than an import&apos;s</extracomment>
        <translation>インポート</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>形式(&amp;O)</translation>
    </message>
    <message>
        <source>Journal to import</source>
        <translation>インポートするジャーナル</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>ジャーナル(&amp;J)</translation>
    </message>
    <message>
        <source>Keep Day One places in the entries</source>
        <translation>Day One の場所をエントリーに残す</translation>
    </message>
    <message>
        <source>Keep Day One weather in the entries</source>
        <translation>Day One の天気をエントリーに残す</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation>ファイルを確認</translation>
    </message>
    <message>
        <source>Find out from the file</source>
        <translation>ファイルから判別</translation>
    </message>
    <message>
        <source>jrnl (json, txt or md)</source>
        <translation>jrnl（json、txt、md）</translation>
    </message>
    <message>
        <source>Day One (.json or .zip)</source>
        <translation>Day One（.json または .zip）</translation>
    </message>
    <message>
        <source>Daylio (CSV)</source>
        <translation>Daylio（CSV）</translation>
    </message>
    <message>
        <source>PeerJournal export (JSON)</source>
        <translation>PeerJournal のエクスポート（JSON）</translation>
    </message>
    <message>
        <source>Bring your past journal in: a jrnl export (json, txt or md), a Day One export (.json or .zip), a Daylio CSV export, a folder of Markdown files (Obsidian, or PeerJournal&apos;s Markdown export) or a PeerJournal export. Nothing is written until you confirm.</source>
        <translation>これまでの日記を取り込みます：jrnl のエクスポート（json、txt、md）、Day One のエクスポート（.json または .zip）、Daylio の CSV エクスポート、Markdown ファイルのフォルダー（Obsidian や PeerJournal の Markdown エクスポート）、PeerJournal のエクスポートに対応しています。確認するまで何も書き込まれません。</translation>
    </message>
    <message>
        <source>File or folder to import</source>
        <translation>インポートするファイルまたはフォルダー</translation>
    </message>
    <message>
        <source>&amp;File or folder</source>
        <translation>ファイルまたはフォルダー(&amp;F)</translation>
    </message>
    <message>
        <source>Tag each entry with the names of its folders</source>
        <translation>各エントリーに、それが入っているフォルダーの名前をタグとして付ける</translation>
    </message>
    <message>
        <source>Markdown (a folder of .md files)</source>
        <translation>Markdown（.md ファイルのフォルダー）</translation>
    </message>
    <message>
        <source>Choose the folder to import</source>
        <translation>インポートするフォルダーを選ぶ</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>インポートするファイルを選択</translation>
    </message>
    <message>
        <source>Journal exports (*.json *.zip *.csv *.txt *.md);;All files (*)</source>
        <translation>日記のエクスポート (*.json *.zip *.csv *.txt *.md);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>All journals (each entry tagged with its journal)</source>
        <translation>すべてのジャーナル (各エントリーにジャーナル名のタグを付けます)</translation>
    </message>
    <message>
        <source>Records that will be skipped</source>
        <translation>スキップされる記録</translation>
    </message>
    <message>
        <source>These Daylio moods have no level yet. Choose one for each:</source>
        <translation>次の Daylio の気分にはまだレベルがありません。それぞれ選んでください：</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>もう一度確認</translation>
    </message>
    <message>
        <source>Choose the format of this file.</source>
        <translation>このファイルの形式を選んでください。</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>ファイルを確認中…</translation>
    </message>
    <message>
        <source>%1 and %2 can be imported.</source>
        <translation>%1と%2をインポートできます。</translation>
    </message>
    <message>
        <source>Saving the entries and their search index…</source>
        <translation>エントリと検索インデックスを保存中…</translation>
    </message>
    <message>
        <source>Imported %1 and %2.</source>
        <translation>%1と%2をインポートしました。</translation>
    </message>
    <message>
        <source>They are from %1 to %2.</source>
        <translation>期間は %1 から %2 までです。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln more rows wait for a level for their mood (below).</source>
        <translation>
            <numerusform>さらに %Ln 行が気分の段階の指定を待っています (下)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records are already in your journal and will be left as they are.</source>
        <translation>
            <numerusform>%Ln 件はすでに日記にあるため、そのままにします。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln records cannot be read and will be skipped:</source>
        <translation>
            <numerusform>%Ln 件は読み取れないため、スキップします:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln 件のエントリー</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln mood logs</source>
        <translation>
            <numerusform>%Ln 件の気分記録</numerusform>
        </translation>
    </message>
    <message>
        <source>no level yet</source>
        <translation>レベル未設定</translation>
    </message>
    <message>
        <source>Level for %1</source>
        <translation>%1 のレベル</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln rows)</source>
        <translation>
            <numerusform>%1 (%Ln 行)</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>インポート中…</translation>
    </message>
</context>
<context>
    <name>InsightWords</name>
    <message numerus="yes">
        <source>Over %Ln day(s) with check-ins your average mood was %1.</source>
        <translation>
            <numerusform>チェックインした%Ln日間の平均の気分は %1 でした。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s)</source>
        <translation>
            <numerusform>%Ln日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln other day(s)</source>
        <translation>
            <numerusform>ほかの%Ln日</numerusform>
        </translation>
    </message>
    <message>
        <source>On %1 when you noted feeling “%2” your average mood was %3; on %4, %5.</source>
        <translation>「%2」と感じたと記録した%1の平均の気分は %3、%4では %5 でした。</translation>
    </message>
    <message>
        <source>On %1 with “%2” your average mood was %3; on %4 without it, %5.</source>
        <translation>「%2」があった%1の平均の気分は %3、なかった%4では %5 でした。</translation>
    </message>
</context>
<context>
    <name>InsightsView</name>
    <message>
        <source>Insights</source>
        <translation>気づき</translation>
    </message>
    <message>
        <source>These are patterns in what you logged, not causes. They get more reliable with more check-ins.</source>
        <translation>これは記録したことの中のパターンで、原因ではありません。チェックインが増えるほど確かになります。</translation>
    </message>
    <message>
        <source>After a few more check-ins with activities or emotions, gentle comparisons will appear here.</source>
        <translation>活動や感情を付けたチェックインがもう少し増えると、ここにやさしい比較が表示されます。</translation>
    </message>
</context>
<context>
    <name>JournalFilters</name>
    <message>
        <source>Search your journal  (Ctrl+F)</source>
        <extracomment>Screen room (logical pixels, less the title bar) below which the calendar lies over the list: the window holds a menu, a tool bar, a status bar, the filters, six weeks and some rows of the list only from about this height on.</extracomment>
        <translation>ジャーナルを検索  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Filter by tag</source>
        <translation>タグで絞り込む</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>すべてのタグ</translation>
    </message>
    <message>
        <source>Any day</source>
        <translation>すべての日</translation>
    </message>
    <message>
        <source>Filter by day</source>
        <translation>日付で絞り込む</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>カレンダー</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <source>Journal entries</source>
        <translation>ジャーナルのエントリー</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>ゴミ箱へ移動</translation>
    </message>
    <message>
        <source>Moved to the trash. You can restore it from Trash.</source>
        <translation>ゴミ箱に移動しました。「ゴミ箱」から戻せます。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln matching entries</source>
        <translation>
            <numerusform>一致するエントリー %Ln件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln+ matching entries</source>
        <translation>
            <numerusform>一致するエントリー %Ln件以上</numerusform>
        </translation>
    </message>
    <message>
        <source>No entries yet.</source>
        <translation>まだエントリーはありません。</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln entries</source>
        <translation>
            <numerusform>%Ln件中 %1件のエントリー</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln件のエントリー</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Help now</source>
        <extracomment>closing the window ends the application (set by app.main; tests keep it off)</extracomment>
        <translation>今すぐ相談</translation>
    </message>
    <message>
        <source>Help right now: crisis lines</source>
        <translation>今すぐ助けが必要なとき: 相談窓口</translation>
    </message>
    <message>
        <source>Crisis lines and what to do right now (F1)</source>
        <translation>相談窓口と、今すぐできること (F1)</translation>
    </message>
</context>
<context>
    <name>MarkdownPreview</name>
    <message>
        <source>Rendered preview</source>
        <translation>表示されたプレビュー</translation>
    </message>
</context>
<context>
    <name>MoodChips</name>
    <message>
        <source>happy</source>
        <translation>うれしい</translation>
    </message>
    <message>
        <source>calm</source>
        <translation>穏やか</translation>
    </message>
    <message>
        <source>grateful</source>
        <translation>感謝</translation>
    </message>
    <message>
        <source>hopeful</source>
        <translation>希望</translation>
    </message>
    <message>
        <source>proud</source>
        <translation>誇らしい</translation>
    </message>
    <message>
        <source>tired</source>
        <translation>疲れた</translation>
    </message>
    <message>
        <source>anxious</source>
        <translation>不安</translation>
    </message>
    <message>
        <source>stressed</source>
        <translation>ストレス</translation>
    </message>
    <message>
        <source>sad</source>
        <translation>悲しい</translation>
    </message>
    <message>
        <source>lonely</source>
        <translation>さみしい</translation>
    </message>
    <message>
        <source>angry</source>
        <translation>怒り</translation>
    </message>
    <message>
        <source>overwhelmed</source>
        <translation>いっぱいいっぱい</translation>
    </message>
    <message>
        <source>sleep well</source>
        <translation>よく眠れた</translation>
    </message>
    <message>
        <source>walk</source>
        <translation>散歩</translation>
    </message>
    <message>
        <source>exercise</source>
        <translation>運動</translation>
    </message>
    <message>
        <source>friends</source>
        <translation>友だち</translation>
    </message>
    <message>
        <source>family</source>
        <translation>家族</translation>
    </message>
    <message>
        <source>study</source>
        <translation>勉強</translation>
    </message>
    <message>
        <source>work</source>
        <translation>仕事</translation>
    </message>
    <message>
        <source>reading</source>
        <translation>読書</translation>
    </message>
    <message>
        <source>music</source>
        <translation>音楽</translation>
    </message>
    <message>
        <source>outdoors</source>
        <translation>外出</translation>
    </message>
    <message>
        <source>screen time</source>
        <translation>スマホ・画面</translation>
    </message>
    <message>
        <source>cooking</source>
        <translation>料理</translation>
    </message>
</context>
<context>
    <name>MoodLabels</name>
    <message>
        <source>Awful</source>
        <translation>とても悪い</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>悪い</translation>
    </message>
    <message>
        <source>Okay</source>
        <translation>ふつう</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良い</translation>
    </message>
    <message>
        <source>Great</source>
        <translation>とても良い</translation>
    </message>
</context>
<context>
    <name>MoodPage</name>
    <message>
        <source>Your mood, over time</source>
        <translation>あなたの気分の移り変わり</translation>
    </message>
    <message>
        <source>There are no check-ins yet. Whenever you like, take a few seconds to note how you feel — patterns will appear here as your days add up.</source>
        <translation>まだチェックインがありません。気が向いたときに数秒だけ、今の気分を記録してみてください。日々が重なると、ここにパターンが見えてきます。</translation>
    </message>
    <message>
        <source>Make a first check-in</source>
        <translation>最初のチェックインをする</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>気分</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>過去30日</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>過去3か月</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>過去1年</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全期間</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>チェックイン</translation>
    </message>
    <message>
        <source>Note how you feel right now</source>
        <translation>今の気分を記録する</translation>
    </message>
    <message>
        <source>Your days</source>
        <translation>あなたの毎日</translation>
    </message>
    <message>
        <source>Days shown</source>
        <translation>表示している日</translation>
    </message>
    <message>
        <source>Your check-ins</source>
        <translation>あなたのチェックイン</translation>
    </message>
    <message>
        <source>By weekday</source>
        <translation>曜日ごと</translation>
    </message>
    <message>
        <source>What stands out</source>
        <translation>目立つこと</translation>
    </message>
    <message>
        <source>Year in pixels</source>
        <translation>1年をピクセルで</translation>
    </message>
    <message>
        <source>Previous year</source>
        <translation>前の年</translation>
    </message>
    <message>
        <source>Next year</source>
        <translation>次の年</translation>
    </message>
    <message>
        <source>Check-in changed.</source>
        <translation>チェックインを変更しました。</translation>
    </message>
    <message>
        <source>No check-ins in this period yet.</source>
        <translation>この期間のチェックインはまだありません。</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1~%2</translation>
    </message>
    <message>
        <source>your check-ins in this period begin on %1</source>
        <translation>この期間のチェックインは %1 から始まります</translation>
    </message>
</context>
<context>
    <name>NameListEditor</name>
    <message>
        <source>Double-click a name to rename it.</source>
        <translation>名前をダブルクリックすると変更できます。</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Remove the selected names</source>
        <translation>選んだ名前を削除</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>取り除く</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>New passphrase</source>
        <translation>新しいパスフレーズ</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>パスフレーズをもう一度</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>パスフレーズの強さ</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>もう一度</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>とても弱い</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>弱い</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>まあまあ</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>強い</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>とても強い</translation>
    </message>
    <message>
        <source>Several unusual words</source>
        <translation>珍しい単語をいくつか</translation>
    </message>
    <message>
        <source>Use at least {0} characters.</source>
        <translation>{0}文字以上にしてください。</translation>
    </message>
    <message>
        <source>Nobody can reset this passphrase for you, not even us. Pick something long you can remember, like four or five unrelated words.</source>
        <translation>このパスフレーズは誰にもリセットできません。私たちにもできません。関係のない4つか5つの単語のように、覚えられる長いものを選んでください。</translation>
    </message>
    <message>
        <source>The two passphrases are not the same yet.</source>
        <translation>2つのパスフレーズがまだ一致していません。</translation>
    </message>
</context>
<context>
    <name>PairingDialog</name>
    <message>
        <source>Relay address</source>
        <extracomment>Screen room (logical pixels) from which the QR code gets its full size.</extracomment>
        <translation>リレーのアドレス</translation>
    </message>
    <message>
        <source>e.g. Robin (optional)</source>
        <translation>例: Robin(任意)</translation>
    </message>
    <message>
        <source>Your pseudonym for this peer</source>
        <translation>このピアに対するあなたの仮名</translation>
    </message>
    <message>
        <source>Paste the invite code here (pj1:…)</source>
        <translation>招待コードをここに貼り付けてください (pj1:…)</translation>
    </message>
    <message>
        <source>Invite code</source>
        <translation>招待コード</translation>
    </message>
    <message>
        <source>Create invite</source>
        <translation>招待を作成</translation>
    </message>
    <message>
        <source>Accept invite</source>
        <translation>招待を受ける</translation>
    </message>
    <message>
        <source>Invite a peer</source>
        <translation>ピアを招待</translation>
    </message>
    <message>
        <source>Accept an invite</source>
        <translation>招待を受ける</translation>
    </message>
    <message>
        <source>Invite someone you trust</source>
        <translation>信頼できる人を招待しましょう</translation>
    </message>
    <message>
        <source>Choose the relay you both use (a friend, a student union or a charity may run one). Your peer will see the pseudonym you pick, not your name.</source>
        <translation>2人で使うリレーを選んでください(友人、学生自治会、支援団体などが運営していることがあります)。相手に見えるのは、あなたが選ぶ仮名で、本名ではありません。</translation>
    </message>
    <message>
        <source>Paste the code your peer sent you. Your peer will see the pseudonym you pick, not your name.</source>
        <translation>相手から届いたコードを貼り付けてください。相手に見えるのは、あなたが選ぶ仮名で、本名ではありません。</translation>
    </message>
    <message>
        <source>Your pseudonym</source>
        <translation>あなたの仮名</translation>
    </message>
    <message>
        <source>Copy invite</source>
        <translation>招待をコピー</translation>
    </message>
    <message>
        <source>QR code of the invite</source>
        <translation>招待の QR コード</translation>
    </message>
    <message>
        <source>Safety code to compare</source>
        <translation>照合する安全コード</translation>
    </message>
    <message>
        <source>Please enter the address of a relay.</source>
        <translation>リレーのアドレスを入力してください。</translation>
    </message>
    <message>
        <source>Please paste the invite code first.</source>
        <translation>先に招待コードを貼り付けてください。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>処理しています…</translation>
    </message>
    <message>
        <source>The relay at %1 could not be reached. No invite was made. Check the address and your connection, then try again.</source>
        <translation>%1 のリレーにつながりませんでした。招待は作成されていません。アドレスと接続を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The invite&apos;s relay could not be reached. Nothing was changed. Check your connection and try again: the invite has not been used.</source>
        <translation>招待のリレーにつながりませんでした。何も変更されていません。接続を確認して、もう一度お試しください。招待はまだ使われていません。</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Your invite is ready</source>
        <translation>招待の準備ができました</translation>
    </message>
    <message>
        <source>Send this invite over a channel you trust (in person, or a messenger you already use with them); it works once. When they have accepted it, press “Check for messages” and compare the safety code with them by phone or in person.</source>
        <translation>この招待は、信頼できる方法(直接会う、またはすでに使っているメッセンジャーなど)で送ってください。使えるのは1回だけです。相手が受け入れたら「メッセージを確認」を押し、電話か対面で安全コードを相手と照らし合わせてください。</translation>
    </message>
    <message>
        <source>Invite accepted</source>
        <translation>招待を受けました</translation>
    </message>
    <message>
        <source>Compare this safety code with your peer by phone or in person. If it is the same on both sides, nobody came in between.</source>
        <translation>電話か対面で、この安全コードを相手と照らし合わせてください。両方で同じなら、誰も間に入っていません。</translation>
    </message>
    <message>
        <source>Copied. Paste it into your message to them now: it leaves the clipboard when you close this window.</source>
        <translation>コピーしました。今すぐ相手へのメッセージに貼り付けてください。このウィンドウを閉じるとクリップボードから消えます。</translation>
    </message>
</context>
<context>
    <name>PassphraseAdvice</name>
    <message>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>単語をあと1つか2つ足しましょう。珍しい単語ほど効果的です。</translation>
    </message>
    <message>
        <source>Capitalization doesn&apos;t help very much.</source>
        <translation>大文字にしてもあまり効果はありません。</translation>
    </message>
    <message>
        <source>Reversed words aren&apos;t much harder to guess.</source>
        <translation>逆さに書いた単語も、それほど推測しにくくはなりません。</translation>
    </message>
    <message>
        <source>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</source>
        <translation>&apos;a&apos; の代わりに &apos;@&apos; のような予測しやすい置き換えは、あまり効果がありません。</translation>
    </message>
    <message>
        <source>Use a few words, avoid common phrases.</source>
        <translation>いくつかの単語を使い、よくある言い回しは避けましょう。</translation>
    </message>
    <message>
        <source>No need for symbols, digits, or uppercase letters.</source>
        <translation>記号や数字、大文字は必要ありません。</translation>
    </message>
    <message>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>キーボードで一列に並んだキーは推測されやすいです。</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>短いキーボードのパターンは推測されやすいです。</translation>
    </message>
    <message>
        <source>This is a top-10 common password.</source>
        <translation>これは最もよく使われるパスワードの上位10位に入っています。</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password.</source>
        <translation>これはよく使われるパスワードに似ています。</translation>
    </message>
    <message>
        <source>A word by itself is easy to guess.</source>
        <translation>単語1つだけでは推測されやすいです。</translation>
    </message>
    <message>
        <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
        <translation>すべて大文字でも、すべて小文字とほとんど同じくらい推測されやすいです。</translation>
    </message>
    <message>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>もっと長く、曲がり角の多いキーボードのパターンにしましょう。</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>&quot;aaa&quot; のような繰り返しは推測されやすいです。</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>&quot;abcabcabc&quot; のような繰り返しは、&quot;abc&quot; より少し推測しにくいだけです。</translation>
    </message>
    <message>
        <source>This is a top-100 common password.</source>
        <translation>これは最もよく使われるパスワードの上位100位に入っています。</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>これはとてもよく使われるパスワードです。</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>名前や名字だけでは推測されやすいです。</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess.</source>
        <translation>よくある名前や名字は推測されやすいです。</translation>
    </message>
    <message>
        <source>Avoid repeated words and characters.</source>
        <translation>同じ単語や文字の繰り返しは避けましょう。</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>&quot;abc&quot; や &quot;6543&quot; のような連続は推測されやすいです。</translation>
    </message>
    <message>
        <source>Avoid sequences.</source>
        <translation>連続した並びは避けましょう。</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>最近の年は推測されやすいです。</translation>
    </message>
    <message>
        <source>Dates are often easy to guess.</source>
        <translation>日付は推測されやすいことが多いです。</translation>
    </message>
    <message>
        <source>Avoid recent years.</source>
        <translation>最近の年は避けましょう。</translation>
    </message>
    <message>
        <source>Avoid years that are associated with you.</source>
        <translation>あなたに関係のある年は避けましょう。</translation>
    </message>
    <message>
        <source>Avoid dates and years that are associated with you.</source>
        <translation>あなたに関係のある日付や年は避けましょう。</translation>
    </message>
</context>
<context>
    <name>PassphrasePanel</name>
    <message>
        <source>Your entries stay encrypted as they are; only the key that unlocks them is wrapped again. Your recovery code keeps working.</source>
        <translation>エントリーは今のまま暗号化されています。暗号を解く鍵だけを包み直します。復旧コードは引き続き使えます。</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>今のパスフレーズ</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新しいパスフレーズ</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>パスフレーズを変更</translation>
    </message>
    <message>
        <source>Enter your current passphrase first.</source>
        <translation>まず今のパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>The new passphrase must be strong enough and typed the same twice.</source>
        <translation>新しいパスフレーズは十分に強く、2回とも同じでなければなりません。</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>パスフレーズを変更しています…</translation>
    </message>
    <message>
        <source>Your passphrase was changed. Use the new one the next time you unlock.</source>
        <translation>パスフレーズを変更しました。次にロックを解除するときは新しいものを使ってください。</translation>
    </message>
</context>
<context>
    <name>PeerCard</name>
    <message>
        <source>They see you as %1</source>
        <translation>相手からは %1 として見えます</translation>
    </message>
    <message>
        <source>Safety code</source>
        <translation>安全コード</translation>
    </message>
    <message>
        <source>Safety code to compare:</source>
        <translation>照合する安全コード:</translation>
    </message>
    <message>
        <source>We compared the code</source>
        <translation>コードを照らし合わせました</translation>
    </message>
    <message>
        <source>Press this once you and they have compared the safety code by phone or in person and it is the same on both sides.</source>
        <translation>電話か対面で相手と安全コードを照らし合わせ、両方で同じだったら、一度だけこれを押してください。</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>ミュート解除</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>ミュート</translation>
    </message>
    <message>
        <source>Muting hides their items from your feed; nothing is sent to them.</source>
        <translation>ミュートすると、相手の投稿がフィードに表示されなくなります。相手には何も送られません。</translation>
    </message>
    <message>
        <source>Unpair…</source>
        <translation>ペアを解除…</translation>
    </message>
    <message>
        <source>Cancel the invite…</source>
        <translation>招待を取り消す…</translation>
    </message>
    <message>
        <source>Show invite</source>
        <translation>招待を表示</translation>
    </message>
    <message>
        <source>Invite sent — waiting for them to accept it</source>
        <translation>招待を送りました。相手が受け入れるのを待っています</translation>
    </message>
    <message>
        <source>Almost paired — waiting for their answer</source>
        <translation>ペアリングまであと少し。相手の応答を待っています</translation>
    </message>
    <message>
        <source>Paired · not verified</source>
        <translation>ペア済み・未確認</translation>
    </message>
    <message>
        <source>Paired · verified</source>
        <translation>ペア済み・確認済み</translation>
    </message>
    <message>
        <source>Give them the invite code or QR code. After they accept it, press “Check for messages”. Changed your mind? “Cancel the invite…” takes it back; nothing has been shared.</source>
        <translation>招待コードか QR コードを相手に渡してください。相手が受け入れたら「メッセージを確認」を押してください。気が変わったら「招待を取り消す…」で取り消せます。まだ何も共有されていません。</translation>
    </message>
    <message>
        <source>Not verified yet: compare the safety code with them by phone or in person once; if it matches, nobody came in between. Then press “We compared the code”.</source>
        <translation>まだ確認されていません: 電話か対面で一度、安全コードを照らし合わせてください。一致すれば、誰も間に入っていません。それから「コードを照らし合わせました」を押してください。</translation>
    </message>
    <message>
        <source>You compared the safety code: nobody came in between.</source>
        <translation>安全コードを照らし合わせました。誰も間に入っていません。</translation>
    </message>
    <message>
        <source>Pairing ended</source>
        <translation>ペアリング終了</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>ミュート中</translation>
    </message>
    <message>
        <source>some messages wait to go out</source>
        <translation>送信待ちのメッセージがあります</translation>
    </message>
    <message>
        <source>When they have pressed “Check for messages”, do it too. Then compare the safety code with them by phone or in person.</source>
        <translation>相手が「メッセージを確認」を押したら、あなたも押してください。それから電話か対面で安全コードを照らし合わせてください。</translation>
    </message>
    <message>
        <source>What they shared stays in your feed history.</source>
        <translation>相手が共有したものはフィードの履歴に残ります。</translation>
    </message>
</context>
<context>
    <name>PeerNotifier</name>
    <message>
        <source>A peer shared something with you.</source>
        <translation>ピアがあなたと何かを共有しました。</translation>
    </message>
</context>
<context>
    <name>PeersPage</name>
    <message>
        <source>Peers</source>
        <translation>ピア</translation>
    </message>
    <message>
        <source>Share chosen entries with one or a few people you trust. Everything is encrypted; the relay cannot read a word.</source>
        <translation>選んだエントリーを、信頼できる1人か数人と共有できます。すべて暗号化され、リレーには一言も読めません。</translation>
    </message>
    <message>
        <source>Invite a peer</source>
        <translation>ピアを招待</translation>
    </message>
    <message>
        <source>I have an invite</source>
        <translation>招待を受け取った</translation>
    </message>
    <message>
        <source>Check for messages</source>
        <translation>メッセージを確認</translation>
    </message>
    <message>
        <source>Peer status</source>
        <translation>ピアの状態</translation>
    </message>
    <message>
        <source>Background checks</source>
        <translation>バックグラウンドでの確認</translation>
    </message>
    <message>
        <source>No peers yet. Invite someone you trust, or accept their invite.</source>
        <translation>まだピアがいません。信頼できる人を招待するか、相手の招待を受けてください。</translation>
    </message>
    <message>
        <source>Your peers</source>
        <translation>あなたのピア</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>フィード</translation>
    </message>
    <message>
        <source>%1 is verified.</source>
        <translation>%1 は確認済みです。</translation>
    </message>
    <message>
        <source>Cancel the invite</source>
        <translation>招待を取り消す</translation>
    </message>
    <message>
        <source>Cancel this invite?</source>
        <translation>この招待を取り消しますか?</translation>
    </message>
    <message>
        <source>Nothing has been shared. If they accept the code later, nothing reaches either of you; you can invite them again whenever you like.</source>
        <translation>まだ何も共有されていません。あとでコードが受け入れられても、どちらにも何も届きません。いつでもまた招待できます。</translation>
    </message>
    <message>
        <source>Keep it waiting</source>
        <translation>招待を残す</translation>
    </message>
    <message>
        <source>Unpair</source>
        <translation>ペアを解除</translation>
    </message>
    <message>
        <source>Unpair from %1?</source>
        <translation>%1 とのペアを解除しますか?</translation>
    </message>
    <message>
        <source>They will be told the pairing ended, without any reason. What they shared stays in your feed history, and you can always pair again later.</source>
        <translation>ペアリングが終わったことは、理由なしで相手に伝えられます。相手が共有したものはフィードの履歴に残り、あとでいつでもまたペアになれます。</translation>
    </message>
    <message>
        <source>Keep the pairing</source>
        <translation>ペアを続ける</translation>
    </message>
    <message>
        <source>The invite is cancelled.</source>
        <translation>招待を取り消しました。</translation>
    </message>
    <message>
        <source>Unpaired from %1.</source>
        <translation>%1 とのペアを解除しました。</translation>
    </message>
    <message>
        <source>There is no one to check for messages from yet. Invite a peer or accept an invite first.</source>
        <translation>まだメッセージを確認する相手がいません。先にピアを招待するか、招待を受け取ってください。</translation>
    </message>
    <message>
        <source>Checking for messages…</source>
        <translation>メッセージを確認しています…</translation>
    </message>
    <message>
        <source>Paired with %1. Compare the safety code, then press “We compared the code”.</source>
        <translation>%1 とペアになりました。安全コードを照らし合わせてから、「コードを照らし合わせました」を押してください。</translation>
    </message>
    <message>
        <source>%1 ended the pairing.</source>
        <translation>%1 がペアリングを終了しました。</translation>
    </message>
    <message>
        <source>Something new is in your feed.</source>
        <translation>フィードに新しいものがあります。</translation>
    </message>
    <message>
        <source>New replies or reactions arrived.</source>
        <translation>新しい返信やリアクションが届きました。</translation>
    </message>
    <message>
        <source>Your messages went out.</source>
        <translation>メッセージを送りました。</translation>
    </message>
    <message>
        <source>PeerJournal will try again later.</source>
        <translation>PeerJournal はあとでもう一度試します。</translation>
    </message>
    <message>
        <source>Nothing new.</source>
        <translation>新しいものはありません。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>The settings window&apos;s comfortable smallest size (less where the screen is smaller).</extracomment>
        <translation>設定</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <translation>設定の項目</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外観</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>気分</translation>
    </message>
    <message>
        <source>People &amp;&amp; places</source>
        <translation>人と場所</translation>
    </message>
    <message>
        <source>Keep &amp;&amp; redact</source>
        <translation>残す・伏せる</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <source>This vault is read-only, so the settings kept inside it (mood words, people and places, the passphrase, backups) cannot be changed now.</source>
        <translation>この保管庫は読み取り専用のため、保管庫の中にある設定(気分の言葉、人と場所、パスフレーズ、バックアップ)は今は変更できません。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>しない</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>何もしない時間が続いたらロック(分)</translation>
    </message>
    <message>
        <source>Lock after being idle for</source>
        <translation>何もしない時間が続いたらロック</translation>
    </message>
    <message>
        <source>Remind me to check in every day</source>
        <translation>毎日チェックインをリマインドする</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>リマインドの時刻</translation>
    </message>
    <message>
        <source>Keep running in the tray when the window closes</source>
        <translation>ウィンドウを閉じてもトレイで動かし続ける</translation>
    </message>
    <message>
        <source>Suggest a writing prompt in an empty entry</source>
        <translation>空のエントリーに書くきっかけの問いかけを表示する</translation>
    </message>
    <message>
        <source>Only by hand</source>
        <translation>手動のみ</translation>
    </message>
    <message>
        <source>Check for peer messages every</source>
        <translation>ピアのメッセージを確認する間隔</translation>
    </message>
    <message>
        <source>Notify me when a peer shares something</source>
        <translation>ピアが何かを共有したら通知する</translation>
    </message>
    <message>
        <source>Never in the quiet hours.</source>
        <translation>静かな時間帯には通知しません。</translation>
    </message>
    <message>
        <source>Offer support after a very low check-in</source>
        <translation>とても低いチェックインのあとに支えを案内する</translation>
    </message>
    <message>
        <source>Checked on this computer only; nothing is sent or stored.</source>
        <translation>このコンピューター上だけで確認します。何も送信も保存もしません。</translation>
    </message>
    <message>
        <source>Also after worrying words in an entry. Checked on this computer only; nothing is sent or stored.</source>
        <translation>エントリーの気がかりな言葉のあとにも案内します。このコンピューター上だけで確認します。何も送信も保存もしません。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>システムと同じ</translation>
    </message>
    <message>
        <source>A new language is used the next time PeerJournal starts.</source>
        <translation>新しい言語は、次に PeerJournal を起動したときに使われます。</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>テーマ</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>文字の大きさ</translation>
    </message>
    <message>
        <source>Your words for the five mood levels, from 1 to 5:</source>
        <translation>5つの気分レベルを表すあなたの言葉(1から5):</translation>
    </message>
    <message>
        <source>Label for level %1</source>
        <translation>レベル%1の名前</translation>
    </message>
    <message>
        <source>Emotions</source>
        <translation>感情</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活動</translation>
    </message>
    <message>
        <source>New emotion</source>
        <translation>新しい感情</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>新しい活動</translation>
    </message>
    <message>
        <source>Double-click a name to rename it. Past check-ins keep the words they were saved with.</source>
        <translation>名前をダブルクリックすると変更できます。過去のチェックインは、保存したときの言葉のままです。</translation>
    </message>
    <message>
        <source>Before anything is shared with a peer, these names are replaced. They are stored only inside your encrypted vault.</source>
        <translation>ピアと何かを共有する前に、これらの名前は置き換えられます。名前は暗号化された保管庫の中だけに保存されます。</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新しい人</translation>
    </message>
    <message>
        <source>New place</source>
        <translation>新しい場所</translation>
    </message>
    <message>
        <source>Double-click a name to rename it.</source>
        <translation>名前をダブルクリックすると変更できます。</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share an entry</source>
        <translation>エントリーを共有</translation>
    </message>
    <message>
        <source>Share with a peer</source>
        <translation>ピアと共有</translation>
    </message>
    <message>
        <source>This is exactly what your peer will get. Details that could identify someone are replaced; check the list, edit the text if you like. Nothing is sent until you press Send.</source>
        <translation>これがピアに届く内容そのものです。誰かを特定できそうな情報は置き換えてあります。一覧を確認し、必要ならテキストを編集してください。「送信」を押すまで何も送られません。</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>ピア</translation>
    </message>
    <message>
        <source>Title to share</source>
        <translation>共有するタイトル</translation>
    </message>
    <message>
        <source>Text to share</source>
        <translation>共有するテキスト</translation>
    </message>
    <message>
        <source>e.g. self-harm, grief (optional)</source>
        <translation>例: 自傷、喪失(任意)</translation>
    </message>
    <message>
        <source>Content warning</source>
        <translation>内容の注意</translation>
    </message>
    <message>
        <source>Share with</source>
        <translation>共有する相手</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>気分</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>プレビューを準備しています…</translation>
    </message>
    <message>
        <source>You have no paired peer yet. Invite someone on the Peers page first; nothing was shared.</source>
        <translation>まだペアになったピアがいません。先に「ピア」ページで誰かを招待してください。何も共有されていません。</translation>
    </message>
    <message>
        <source>%1 (not verified)</source>
        <translation>%1(未確認)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Include my mood: %1</source>
        <translation>気分も含める: %1</translation>
    </message>
    <message>
        <source>No mood linked to this entry</source>
        <translation>このエントリーには気分が関連づけられていません</translation>
    </message>
    <message>
        <source>%1 (the day only, never the time)</source>
        <translation>%1(日付のみ。時刻は含めません)</translation>
    </message>
    <message>
        <source>Send to %1</source>
        <translation>%1 に送信</translation>
    </message>
    <message>
        <source>There is nothing to share yet.</source>
        <translation>共有するものがまだありません。</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>You have not compared the safety code with %1.</source>
        <translation>%1 とはまだ安全コードを照らし合わせていません。</translation>
    </message>
    <message>
        <source>If someone came in between when you paired, they could read what you send. Compare the code with them by phone or in person first, then press “We compared the code” on the Peers page. Share anyway? You will not be asked again for %1.</source>
        <translation>ペアリングのときに誰かが間に入っていたら、その人はあなたが送るものを読めてしまいます。先に電話か対面で相手とコードを照らし合わせ、「ピア」ページで「コードを照らし合わせました」を押してください。それでも共有しますか?%1 について、もう一度尋ねることはありません。</translation>
    </message>
    <message>
        <source>Share anyway</source>
        <translation>それでも共有する</translation>
    </message>
    <message>
        <source>Compare first</source>
        <translation>先に照らし合わせる</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>何も送られていません。</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信しています…</translation>
    </message>
    <message>
        <source>Ready for %1. It will go out when the relay is reachable (PeerJournal tries again each time you check for messages).</source>
        <translation>%1 への準備ができました。リレーにつながり次第送られます(メッセージを確認するたびに PeerJournal がもう一度試します)。</translation>
    </message>
    <message>
        <source>Sent to %1. They will see it when they next check for messages.</source>
        <translation>%1 に送信しました。相手が次にメッセージを確認したときに届きます。</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共有済み</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Tags, separated by commas</source>
        <translation>タグ(カンマ区切り)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
</context>
<context>
    <name>TrashPage</name>
    <message>
        <source>Entries in the trash</source>
        <translation>ゴミ箱の中のエントリー</translation>
    </message>
    <message>
        <source>Choose an entry on the left to read it here before you restore it.</source>
        <translation>左のエントリーを選ぶと、元に戻す前にここで読めます。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Restore the selected entry</source>
        <translation>選んだエントリーを復元</translation>
    </message>
    <message>
        <source>Delete forever…</source>
        <translation>完全に削除…</translation>
    </message>
    <message>
        <source>Delete the selected entry forever</source>
        <translation>選んだエントリーを完全に削除</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>ゴミ箱を空にする…</translation>
    </message>
    <message>
        <source>Delete everything in the trash forever</source>
        <translation>ゴミ箱の中のものをすべて完全に削除</translation>
    </message>
    <message>
        <source>Entries stay here until you empty the trash. Restoring puts them back.</source>
        <translation>エントリーはゴミ箱を空にするまでここに残ります。元に戻すとジャーナルに戻ります。</translation>
    </message>
    <message>
        <source>Restored to your journal.</source>
        <translation>ジャーナルに戻しました。</translation>
    </message>
    <message>
        <source>Delete forever</source>
        <translation>完全に削除</translation>
    </message>
    <message>
        <source>Delete this entry forever?</source>
        <translation>このエントリーを完全に削除しますか?</translation>
    </message>
    <message>
        <source>It will be gone for good. This cannot be undone.</source>
        <translation>完全に消えてしまいます。元に戻せません。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries deleted forever.</source>
        <translation>
            <numerusform>%Ln件のエントリーを完全に削除しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>残す</translation>
    </message>
    <message>
        <source>Deleted forever.</source>
        <translation>完全に削除しました。</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>残す</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>ゴミ箱を空にする</translation>
    </message>
    <message>
        <source>Empty the trash?</source>
        <translation>ゴミ箱を空にしますか?</translation>
    </message>
    <message>
        <source>Entries in the trash will be deleted forever. This cannot be undone.</source>
        <translation>ゴミ箱の中のエントリーは完全に削除されます。元に戻せません。</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Quick check-in…</source>
        <translation>クイックチェックイン…</translation>
    </message>
    <message>
        <source>Show / hide</source>
        <translation>表示/非表示</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>How are you today? A quick check-in takes a few seconds.</source>
        <translation>今日の気分はどうですか?クイックチェックインは数秒で終わります。</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock message</source>
        <translation>ロック解除のメッセージ</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>ロックを解除しています</translation>
    </message>
    <message>
        <source>Welcome back</source>
        <translation>おかえりなさい</translation>
    </message>
    <message>
        <source>Enter your passphrase to open your journal.</source>
        <translation>ジャーナルを開くには、パスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Forgot it? Use the recovery code</source>
        <translation>忘れたときは復旧コードを使う</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>Type the recovery code you saved when you created the vault, then choose a new passphrase.</source>
        <translation>保管庫を作ったときに保存した復旧コードを入力して、新しいパスフレーズを選んでください。</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>復旧コード</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Recover and unlock</source>
        <translation>復旧してロック解除</translation>
    </message>
    <message>
        <source>Vault: {0}</source>
        <translation>保管庫: {0}</translation>
    </message>
    <message>
        <source>Please enter your passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
</context>
<context>
    <name>VaultBanner</name>
    <message>
        <source>Vault notice</source>
        <translation>保管庫のお知らせ</translation>
    </message>
</context>
<context>
    <name>WeekdayChart</name>
    <message>
        <source>Mood by weekday chart</source>
        <translation>曜日ごとの気分のグラフ</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>%1: no check-ins yet</source>
        <translation>%1: まだチェックインがありません</translation>
    </message>
    <message numerus="yes">
        <source>%1: average %2 from %Ln check-in(s)</source>
        <translation>
            <numerusform>%1: %Ln回のチェックインの平均 %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <source>Journal</source>
        <translation>ジャーナル</translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation>ジャーナル(&amp;J)</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>気分</translation>
    </message>
    <message>
        <source>&amp;Mood</source>
        <translation>気分(&amp;M)</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>ゴミ箱</translation>
    </message>
    <message>
        <source>&amp;Trash</source>
        <translation>ゴミ箱(&amp;T)</translation>
    </message>
    <message>
        <source>Peers</source>
        <translation>ピア</translation>
    </message>
    <message>
        <source>&amp;Peers</source>
        <translation>ピア(&amp;P)</translation>
    </message>
    <message>
        <source>New entry</source>
        <translation>新しいエントリー</translation>
    </message>
    <message>
        <source>&amp;New entry</source>
        <translation>新しいエントリー(&amp;N)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>チェックイン</translation>
    </message>
    <message>
        <source>&amp;Check in</source>
        <translation>チェックイン(&amp;C)</translation>
    </message>
    <message>
        <source>Quick mood check-in (Ctrl+Shift+M)</source>
        <translation>気分をすばやくチェックイン (Ctrl+Shift+M)</translation>
    </message>
    <message>
        <source>Share with a peer…</source>
        <translation>ピアと共有…</translation>
    </message>
    <message>
        <source>S&amp;hare with a peer…</source>
        <translation>ピアと共有(&amp;H)…</translation>
    </message>
    <message>
        <source>Share an anonymised copy of this entry; you see it before it is sent</source>
        <translation>このエントリーの匿名化したコピーを共有します。送信前に内容を確認できます</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <source>Lock the journal (Ctrl+L)</source>
        <translation>ジャーナルをロック (Ctrl+L)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>設定(&amp;T)</translation>
    </message>
    <message>
        <source>Help right now (crisis lines)</source>
        <translation>今すぐ助けが必要なとき(相談窓口)</translation>
    </message>
    <message>
        <source>&amp;Help right now (crisis lines)</source>
        <translation>今すぐ助けが必要なとき(相談窓口)(&amp;H)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About PeerJournal</source>
        <translation>PeerJournal について(&amp;A)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>エクスポート(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>インポート(&amp;I)…</translation>
    </message>
    <message>
        <source>Main</source>
        <extracomment>what needs an open vault (off while locked)</extracomment>
        <translation>メイン</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <source>Open an entry first, then choose Share.</source>
        <translation>先にエントリーを開いてから「共有」を選んでください。</translation>
    </message>
    <message>
        <source>Shared. It goes out as soon as the relay is reachable.</source>
        <translation>共有しました。リレーにつながり次第届けられます。</translation>
    </message>
    <message>
        <source>Check-in saved. Thank you for taking a moment.</source>
        <translation>チェックインを保存しました。少し時間をとってくれてありがとう。</translation>
    </message>
</context>
<context>
    <name>WordListsPanel</name>
    <message>
        <source>Words you chose to always keep or always redact when you share an entry. They are stored only inside your encrypted vault.</source>
        <translation>エントリーを共有するとき、いつも残す言葉といつも伏せる言葉です。暗号化された保管庫の中だけに保存されます。</translation>
    </message>
    <message>
        <source>New word to always keep</source>
        <translation>いつも残す新しい言葉</translation>
    </message>
    <message>
        <source>New word</source>
        <translation>新しい単語</translation>
    </message>
    <message>
        <source>New word to always redact</source>
        <translation>いつも伏せる新しい言葉</translation>
    </message>
    <message>
        <source>Always kept (never replaced)</source>
        <translation>いつも残す(置き換えない)</translation>
    </message>
    <message>
        <source>Always redacted</source>
        <translation>いつも伏せる</translation>
    </message>
    <message>
        <source>Ticking “Always keep …” or “Always redact …” in the share preview adds a word here. Select words and press − to remove them.</source>
        <translation>共有のプレビューで「いつも残す…」か「いつも伏せる…」にチェックを入れると、ここに言葉が加わります。言葉を選んで − を押すと取り除けます。</translation>
    </message>
</context>
<context>
    <name>WorriedDialog</name>
    <message>
        <source>Worried about them?</source>
        <translation>相手のことが心配ですか?</translation>
    </message>
    <message>
        <source>If a peer&apos;s words worry you</source>
        <translation>ピアの言葉が心配なとき</translation>
    </message>
    <message>
        <source>Ask them directly and kindly how they are, and whether they are safe. Asking about suicide does not put the idea in anyone&apos;s head.</source>
        <translation>どうしているか、安全かどうかを、率直に、やさしく聞いてみてください。自殺について尋ねても、その考えを植えつけることはありません。</translation>
    </message>
    <message>
        <source>Listen without judging. You don&apos;t need the right words; being there helps.</source>
        <translation>決めつけずに耳を傾けてください。正しい言葉がなくても大丈夫。そばにいることが助けになります。</translation>
    </message>
    <message>
        <source>Encourage them to talk to someone who can help: a helpline, a doctor, or someone they trust nearby.</source>
        <translation>助けになれる人に話すよう勧めてください。相談窓口、医師、身近な信頼できる人などです。</translation>
    </message>
    <message>
        <source>If they might be in danger right now, call the emergency number where they are. You cannot do this alone, and you don&apos;t have to.</source>
        <translation>今まさに危険かもしれないなら、相手がいる場所の緊急番号に電話してください。ひとりで何とかする必要はありませんし、そうしなくていいのです。</translation>
    </message>
    <message>
        <source>Look after yourself too: talking to someone helps you as well.</source>
        <translation>あなた自身のことも大切に。誰かに話すことは、あなたの助けにもなります。</translation>
    </message>
    <message>
        <source>Show crisis lines</source>
        <translation>相談窓口を表示</translation>
    </message>
</context>
<context>
    <name>WritingPrompts</name>
    <message>
        <source>What is one small thing that went well today?</source>
        <translation>今日、小さくてもうまくいったことは何ですか?</translation>
    </message>
    <message>
        <source>What is taking up most of your thoughts right now?</source>
        <translation>今、いちばん頭を占めていることは何ですか?</translation>
    </message>
    <message>
        <source>Who or what helped you today, even a little?</source>
        <translation>今日、少しでも助けになった人やことは何ですか?</translation>
    </message>
    <message>
        <source>What would you like to let go of before you sleep?</source>
        <translation>眠る前に手放したいことは何ですか?</translation>
    </message>
    <message>
        <source>How does your body feel right now?</source>
        <translation>今、体はどんな感じがしますか?</translation>
    </message>
    <message>
        <source>What is one kind thing you could do for yourself?</source>
        <translation>自分のためにできる、やさしいことをひとつ挙げるとしたら?</translation>
    </message>
    <message>
        <source>What are you looking forward to?</source>
        <translation>楽しみにしていることは何ですか?</translation>
    </message>
    <message>
        <source>What did you notice today that you usually miss?</source>
        <translation>今日、いつもは見過ごすけれど気づいたことは何ですか?</translation>
    </message>
</context>
<context>
    <name>YearPixels</name>
    <message>
        <source>Year in pixels</source>
        <extracomment>The grid&apos;s palette changed (a theme switch): what explains its colours must follow.</extracomment>
        <translation>1年をピクセルで</translation>
    </message>
    <message>
        <source>%1: no check-in</source>
        <translation>%1: チェックインなし</translation>
    </message>
    <message>
        <source>%1: average %2 (%3)</source>
        <translation>%1: 平均 %2(%3)</translation>
    </message>
    <message>
        <source>Arrow keys move from day to day; Page Up and Page Down change the year.</source>
        <translation>矢印キーで日を移動し、Page Up と Page Down で年を切り替えます。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong.</source>
        <translation>問題が発生しました。</translation>
    </message>
    <message>
        <source>entry {number}</source>
        <translation>エントリー {number}</translation>
    </message>
    <message>
        <source>mood log {number}</source>
        <translation>気分記録 {number}</translation>
    </message>
    <message>
        <source>the {format} file</source>
        <translation>{format} ファイル</translation>
    </message>
    <message>
        <source>the export file</source>
        <translation>エクスポートファイル</translation>
    </message>
    <message>
        <source>{key!r}</source>
        <translation>{key!r}</translation>
    </message>
    <message>
        <source>line {number}</source>
        <translation>{number} 行目</translation>
    </message>
    <message>
        <source>{journal}, entry {number}</source>
        <translation>{journal}、エントリー {number}</translation>
    </message>
    <message>
        <source>{where}: {problem}; skipped</source>
        <translation>{where}: {problem}。スキップしました</translation>
    </message>
    <message>
        <source>{where}: {problem} Skipped.</source>
        <translation>{where}: {problem} スキップしました。</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>text</source>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>expected an object, found {found}</source>
        <translation>オブジェクトが必要ですが、{found} がありました</translation>
    </message>
    <message>
        <source>{key!r} must be a list, found {found}</source>
        <translation>{key!r} はリストでなければなりませんが、{found} がありました</translation>
    </message>
    <message>
        <source>{key!r} must be text, found {found}</source>
        <translation>{key!r} はテキストでなければなりませんが、{found} がありました</translation>
    </message>
    <message>
        <source>{key!r} is longer than {limit:,} characters</source>
        <translation>{key!r} が {limit:,} 文字を超えています</translation>
    </message>
    <message>
        <source>{key!r} contains a NUL character</source>
        <translation>{key!r} に NUL 文字が含まれています</translation>
    </message>
    <message>
        <source>{key!r} must not be empty</source>
        <translation>{key!r} は空にできません</translation>
    </message>
    <message>
        <source>{key!r} contains an unpaired surrogate character</source>
        <translation>{key!r} に対になっていないサロゲート文字が含まれています</translation>
    </message>
    <message>
        <source>{key!r} must be true or false, found {value}</source>
        <translation>{key!r} は true か false でなければなりませんが、{value} がありました</translation>
    </message>
    <message>
        <source>{key!r} must be a whole number from 1 to 5, found {value}</source>
        <translation>{key!r} は1から5の整数でなければなりませんが、{value} がありました</translation>
    </message>
    <message>
        <source>{key!r} must be a UUID, found {value}</source>
        <translation>{key!r} は UUID でなければなりませんが、{value} がありました</translation>
    </message>
    <message>
        <source>{key!r} must be a UUID in the usual 8-4-4-4-12 form</source>
        <translation>{key!r} は通常の 8-4-4-4-12 形式の UUID でなければなりません</translation>
    </message>
    <message>
        <source>{key!r} must be an ISO-8601 time with offset, found {value}</source>
        <translation>{key!r} はオフセット付きの ISO-8601 時刻でなければなりませんが、{value} がありました</translation>
    </message>
    <message>
        <source>{key!r} must include a UTC offset such as +02:00, found {value}</source>
        <translation>{key!r} には +09:00 のような UTC オフセットが必要ですが、{value} がありました</translation>
    </message>
    <message>
        <source>the time {value} is outside the years 1900 to 9998</source>
        <translation>時刻 {value} は 1900 年から 9998 年の範囲外です</translation>
    </message>
    <message>
        <source>the entry has no text</source>
        <translation>エントリーにテキストがありません</translation>
    </message>
    <message>
        <source>the date {value} is not a date like 2024-05-31 (full_date) or a year with May 31</source>
        <translation>日付 {value} は 2024-05-31 (full_date) のような日付でも、年と May 31 の組でもありません</translation>
    </message>
    <message>
        <source>the time {value} is not a time like 20:39 or 8:30 pm</source>
        <translation>時刻 {value} は 20:39 や 8:30 pm のような時刻ではありません</translation>
    </message>
    <message>
        <source>the row has {found} columns, the header {expected}</source>
        <translation>この行の列数は {found}、ヘッダーは {expected} です</translation>
    </message>
    <message>
        <source>the time {value} is not like 2024-05-31 09:07:00 PM</source>
        <translation>時刻 {value} は 2024-05-31 09:07:00 PM の形式ではありません</translation>
    </message>
    <message>
        <source>{key!r} has an implausible year {year}</source>
        <translation>{key!r} の年 {year} はありえない値です</translation>
    </message>
    <message>
        <source>{key!r} has more than {limit} items</source>
        <translation>{key!r} の項目が {limit} 個を超えています</translation>
    </message>
    <message>
        <source>{key!r} items must be one line each, found {value}</source>
        <translation>{key!r} の項目はそれぞれ1行でなければなりませんが、{value} がありました</translation>
    </message>
    <message>
        <source>the field {key!r} is missing</source>
        <translation>フィールド {key!r} がありません</translation>
    </message>
    <message>
        <source>unknown field {key}</source>
        <translation>不明なフィールド {key}</translation>
    </message>
    <message>
        <source>{key!r} lists the same tag twice</source>
        <translation>{key!r} に同じタグが2回あります</translation>
    </message>
    <message>
        <source>the {what} id {id} appears twice</source>
        <translation>{what} の ID {id} が2回出てきます</translation>
    </message>
    <message>
        <source>keys must be &quot;1&quot; to &quot;5&quot;, found {value}</source>
        <translation>キーは &quot;1&quot; から &quot;5&quot; でなければなりませんが、{value} がありました</translation>
    </message>
    <message>
        <source>it must name all five levels</source>
        <translation>5つのレベルすべてに名前が必要です</translation>
    </message>
    <message>
        <source>{key!r} must be an object of tag counts</source>
        <translation>{key!r} はタグの件数のオブジェクトでなければなりません</translation>
    </message>
    <message>
        <source>&apos;date&apos; must look like 2024-05-31, found {value}</source>
        <translation>&apos;date&apos; は 2024-05-31 の形式でなければなりませんが、{value} がありました</translation>
    </message>
    <message>
        <source>&apos;time&apos; must look like 21:07, found {value}</source>
        <translation>&apos;time&apos; は 21:07 の形式でなければなりませんが、{value} がありました</translation>
    </message>
    <message>
        <source>&apos;date&apos; and &apos;time&apos; must look like 2024-05-31 and 21:07, found {date} and {time}</source>
        <translation>&apos;date&apos; と &apos;time&apos; は 2024-05-31 と 21:07 の形式でなければなりませんが、{date} と {time} がありました</translation>
    </message>
    <message>
        <source>&apos;date&apos; {value} cannot be placed in local time</source>
        <translation>&apos;date&apos; {value} は現地時刻に置けません</translation>
    </message>
    <message>
        <source>both &apos;title&apos; and &apos;body&apos; are empty</source>
        <translation>&apos;title&apos; と &apos;body&apos; の両方が空です</translation>
    </message>
    <message>
        <source>it holds more than {limit:,} characters and values, far more than any real one</source>
        <translation>{limit:,} を超える文字と値があり、本物のデータとしては大きすぎます</translation>
    </message>
    <message>
        <source>&apos;version&apos; must be a whole number, found {value}</source>
        <translation>&apos;version&apos; は整数でなければなりませんが、{value} がありました</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>エントリー</translation>
    </message>
    <message>
        <source>mood log</source>
        <translation>気分記録</translation>
    </message>
    <message>
        <source>Ignored jrnl fields PeerJournal does not keep: {names}.</source>
        <translation>PeerJournal が保持しない jrnl のフィールドを無視しました: {names}。</translation>
    </message>
    <message>
        <source>Entries whose photos or other attachments were not imported (each says so at its end): {count}.</source>
        <translation>写真などの添付ファイルがインポートされなかったエントリー(それぞれの末尾に記載): {count}。</translation>
    </message>
    <message>
        <source>Entries whose place was not imported (add --include-location to keep it): {count}.</source>
        <translation>場所がインポートされなかったエントリー(残すには --include-location を付けてください): {count}。</translation>
    </message>
    <message>
        <source>Entries whose weather was not imported (add --include-weather to keep it): {count}.</source>
        <translation>天気がインポートされなかったエントリー(残すには --include-weather を付けてください): {count}。</translation>
    </message>
    <message>
        <source>Entries naming a time zone this computer does not know, shown in UTC: {count}.</source>
        <translation>このコンピューターが知らないタイムゾーンのエントリー(UTC で表示): {count}。</translation>
    </message>
    <message>
        <source>Rows whose time fell in the hour skipped when the clocks went forward, moved forward by that hour: {count}.</source>
        <translation>時計が進められたときに飛ばされた1時間に入っていた行(その1時間分だけ後ろにずらしました): {count}。</translation>
    </message>
    <message>
        <source>Rows with scales, which PeerJournal does not keep: {count}.</source>
        <translation>PeerJournal が保持しないスケールのある行: {count}。</translation>
    </message>
    <message>
        <source>Entries repeated within the file (same time, title and text) but starred or tagged differently, merged into one keeping the star and every tag: {count}.</source>
        <translation>ファイル内で重複していた(時刻、タイトル、本文が同じ)けれどスターやタグが違うエントリー。スターとすべてのタグを残して1つにまとめました: {count}。</translation>
    </message>
    <message>
        <source>Entries repeated within the file, skipped: {count}.</source>
        <translation>ファイル内で重複していた {count} 件のエントリーをスキップしました。</translation>
    </message>
    <message>
        <source>Files whose &apos;mood&apos; is not a level from 1 to 5, imported without a mood log: {count}.</source>
        <translation>「mood」が 1〜5 の段階でないため、気分記録なしでインポートしたファイル: {count}。</translation>
    </message>
    <message>
        <source>Files and folders left out because they are symbolic links or not plain files (copy the notes themselves into the folder to import them): {count}.</source>
        <translation>シンボリックリンクか通常のファイルではないため除外したファイルとフォルダー (インポートするには、メモそのものをフォルダーにコピーしてください): {count}。</translation>
    </message>
    <message>
        <source>The file could not be read. Nothing was imported.</source>
        <translation>ファイルを読み込めませんでした。何もインポートされていません。</translation>
    </message>
    <message>
        <source>This is not a Day One export: its entries have no &apos;creationDate&apos;. Nothing was imported.</source>
        <translation>これは Day One のエクスポートではありません: エントリーに &apos;creationDate&apos; がありません。何もインポートされていません。</translation>
    </message>
    <message>
        <source>{name} holds no Day One entries (no &apos;entries&apos; list). Nothing was imported.</source>
        <translation>{name} には Day One のエントリーがありません(&apos;entries&apos; の一覧がありません)。何もインポートされていません。</translation>
    </message>
    <message>
        <source>This zip holds no Day One journal (no .json file). Nothing was imported.</source>
        <translation>この zip には Day One のジャーナル(.json ファイル)がありません。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The zip has no journal named {name}; it has: {journals}. Nothing was imported.</source>
        <translation>zip には {name} という名前のジャーナルがありません。あるのは {journals} です。何もインポートされていません。</translation>
    </message>
    <message>
        <source>{path} is not a readable zip file. Nothing was imported.</source>
        <translation>{path} は読み込める zip ファイルではありません。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The zip member {name} is damaged. Nothing was imported.</source>
        <translation>zip 内の {name} が壊れています。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The zip holds more than {limit} files; refusing to read it. Nothing was imported.</source>
        <translation>zip に {limit} 個を超えるファイルがあるため、読み込みません。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The zip member {name} is encrypted; export it again without a password. Nothing was imported.</source>
        <translation>zip 内の {name} は暗号化されています。パスワードなしでもう一度エクスポートしてください。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The zip member {name} unpacks to more than the {limit} MiB an import may be (or packs suspiciously small). Nothing was imported.</source>
        <translation>zip 内の {name} は、展開するとインポートの上限 {limit} MiB を超えます(または不自然なほど小さく圧縮されています)。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The zip holds a file named {name}, which points outside its folder; refusing it. Nothing was imported.</source>
        <translation>zip に、フォルダーの外を指す {name} という名前のファイルがあるため、拒否しました。何もインポートされていません。</translation>
    </message>
    <message>
        <source>This is not a Daylio CSV export: its first line should name the columns full_date (or year and date), time, mood, activities and note; found {found}. Nothing was imported.</source>
        <translation>これは Daylio の CSV エクスポートではありません: 1行目に full_date(または year と date)、time、mood、activities、note の列名が必要ですが、{found} がありました。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The Daylio file is empty. Nothing was imported.</source>
        <translation>Daylio のファイルが空です。何もインポートされていません。</translation>
    </message>
    <message>
        <source>A quote opened on line {line} of the {format} file never closes, so every row after it would become part of that row&apos;s note. Close the quote (or remove it) and import again. Nothing was imported.</source>
        <translation>{format} ファイルの {line} 行目で開いた引用符が閉じられていないため、それ以降の行がすべてその行のメモの一部になってしまいます。引用符を閉じる (または削除する) と、もう一度インポートできます。何もインポートされていません。</translation>
    </message>
    <message>
        <source>This is none of jrnl&apos;s exports (JSON, txt or md): export with jrnl --format json. Nothing was imported.</source>
        <translation>これは jrnl のどのエクスポート(JSON、txt、md)でもありません: jrnl --format json でエクスポートしてください。何もインポートされていません。</translation>
    </message>
    <message>
        <source>Line {line} of the jrnl file is too long to be real. Nothing was imported.</source>
        <translation>jrnl ファイルの {line} 行目は、本物にしては長すぎます。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The jrnl {format} file does not start with an entry (line {line}). Nothing was imported.</source>
        <translation>jrnl の {format} ファイルがエントリーで始まっていません({line} 行目)。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The jrnl {format} file holds no entries. Nothing was imported.</source>
        <translation>jrnl の {format} ファイルにエントリーがありません。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was imported.</source>
        <translation>インポートは取り消されました。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The mood map item {item!r} is not name=level with a level from 1 to 5 (example: --mood-map &quot;rad=5,good=4,meh=3,bad=2,awful=1&quot;).</source>
        <translation>気分の対応づけの項目 {item!r} が、名前=レベル(レベルは1から5)の形になっていません(例: --mood-map &quot;rad=5,good=4,meh=3,bad=2,awful=1&quot;)。</translation>
    </message>
    <message>
        <source>These moods have no level: {names}. Give each one with --mood-map &quot;name=level,…&quot; (levels 1 to 5). Nothing was imported.</source>
        <translation>次の気分にはレベルがありません: {names}。それぞれ --mood-map &quot;名前=レベル,…&quot; で指定してください(レベルは1から5)。何もインポートされていません。</translation>
    </message>
    <message>
        <source>{where}: {problem}. Nothing was imported.</source>
        <translation>{where}: {problem}。何もインポートされていません。</translation>
    </message>
    <message>
        <source>{problem}. Nothing was imported.</source>
        <translation>{problem}。何もインポートされていません。</translation>
    </message>
    <message>
        <source>{where}: {reason} Nothing was imported.</source>
        <translation>{where}: {reason} 何もインポートされていません。</translation>
    </message>
    <message>
        <source>{reason} Nothing was imported.</source>
        <translation>{reason} 何もインポートされていません。</translation>
    </message>
    <message>
        <source>Unknown import format {name!r}; use one of: {formats}.</source>
        <translation>不明なインポート形式 {name!r} です。次のいずれかを使ってください: {formats}。</translation>
    </message>
    <message>
        <source>entry {number}: it links to mood log {mood_id}, which is neither in the file nor in the vault. Nothing was imported.</source>
        <translation>エントリー {number}: 気分記録 {mood_id} を参照していますが、ファイルにも保管庫にもありません。何もインポートされていません。</translation>
    </message>
    <message>
        <source>There is no file {path}. Nothing was imported.</source>
        <translation>ファイル {path} がありません。何もインポートされていません。</translation>
    </message>
    <message>
        <source>PeerJournal imports from a file, not from standard input: save the export to a file first (for example jrnl --export json &gt; journal.json), give its name, and delete the file after the import. Nothing was imported.</source>
        <translation>PeerJournal は標準入力ではなくファイルからインポートします。まずエクスポートをファイルに保存し（例: jrnl --export json &gt; journal.json）、その名前を指定して、インポート後はそのファイルを削除してください。何もインポートされていません。</translation>
    </message>
    <message>
        <source>{option} is for --format {formats} only; it would change nothing in a {format} import. Nothing was imported.</source>
        <translation>{option} は --format {formats} 専用です。{format} のインポートでは何も変わりません。何もインポートされませんでした。</translation>
    </message>
    <message>
        <source>{path} is not a file. Nothing was imported.</source>
        <translation>{path} はファイルではありません。何もインポートされていません。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a file.</source>
        <translation>{path} はファイルではなくフォルダーです。</translation>
    </message>
    <message>
        <source>{path} is PeerJournal&apos;s single-file Markdown export, made for reading; to import a journal, use its JSON export or a Markdown folder export. Nothing was imported.</source>
        <translation>{path} は PeerJournal の単一ファイルの Markdown エクスポートで、読むためのものです。日記をインポートするには、その JSON エクスポートか Markdown フォルダーのエクスポートを使ってください。何もインポートされていません。</translation>
    </message>
    <message>
        <source>{path} cannot be read (permission denied).</source>
        <translation>{path} を読み込めません(アクセスが拒否されました)。</translation>
    </message>
    <message>
        <source>{path} could not be read ({reason}). Nothing was imported.</source>
        <translation>{path} を読み込めませんでした({reason})。何もインポートされていません。</translation>
    </message>
    <message>
        <source>{path} is {size} MiB, larger than the {limit} MiB an import may be. Nothing was imported.</source>
        <translation>{path} は {size} MiB で、インポートできる上限 {limit} MiB を超えています。何もインポートされていません。</translation>
    </message>
    <message>
        <source>{path} is too large to import. Nothing was imported.</source>
        <translation>{path} は大きすぎてインポートできません。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The {format} file is too large to import. Nothing was imported.</source>
        <translation>{format} ファイルは大きすぎてインポートできません。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The {format} file is not UTF-8 text (bad byte at position {position}). Nothing was imported.</source>
        <translation>{format} ファイルが UTF-8 テキストではありません(位置 {position} に不正なバイト)。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The {format} file is not valid JSON (line {line}, column {column}: {reason}). Nothing was imported.</source>
        <translation>{format} ファイルが正しい JSON ではありません({line} 行 {column} 列: {reason})。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The {format} file is nested too deeply to be a real export. Nothing was imported.</source>
        <translation>{format} ファイルの入れ子が深すぎて、本物のエクスポートとは思えません。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The {format} file holds a value JSON exports never contain ({value} is not allowed). Nothing was imported.</source>
        <translation>{format} ファイルに、JSON エクスポートには決して含まれない値があります({value} は使えません)。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The {format} file holds a value too large to be real. Nothing was imported.</source>
        <translation>{format} ファイルに、本物とは思えないほど大きな値があります。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The {format} file has the key {key} twice at its top level. Nothing was imported.</source>
        <translation>{format} ファイルの最上位にキー {key} が 2 回あります。何もインポートされていません。</translation>
    </message>
    <message>
        <source>This looks like a list, not a jrnl JSON export (which is an object with &apos;tags&apos; and &apos;entries&apos;). Export with: jrnl --format json. Nothing was imported.</source>
        <translation>これは jrnl の JSON エクスポート(&apos;tags&apos; と &apos;entries&apos; を持つオブジェクト)ではなく、リストのようです。jrnl --format json でエクスポートしてください。何もインポートされていません。</translation>
    </message>
    <message>
        <source>This is not a jrnl JSON export: it has no &apos;entries&apos;. Export with: jrnl --format json. Nothing was imported.</source>
        <translation>これは jrnl の JSON エクスポートではありません(&apos;entries&apos; がありません)。jrnl --format json でエクスポートしてください。何もインポートされていません。</translation>
    </message>
    <message>
        <source>This is not a PeerJournal export (its &apos;format&apos; is not &quot;{format}&quot;). Nothing was imported.</source>
        <translation>これは PeerJournal のエクスポートではありません(&apos;format&apos; が &quot;{format}&quot; ではありません)。何もインポートされていません。</translation>
    </message>
    <message>
        <source>This is not a PeerJournal export (its &apos;format&apos; is not &quot;{format}&quot;). It looks like a jrnl export: use --format jrnl. Nothing was imported.</source>
        <translation>これは PeerJournal のエクスポートではありません(&apos;format&apos; が &quot;{format}&quot; ではありません)。jrnl のエクスポートのようです: --format jrnl を使ってください。何もインポートされていません。</translation>
    </message>
    <message>
        <source>This export was made by a newer PeerJournal (format version {version}; this one reads up to {supported}). Please update PeerJournal. Nothing was imported.</source>
        <translation>このエクスポートは新しい PeerJournal で作られています(形式バージョン {version}。このバージョンが読めるのは {supported} までです)。PeerJournal を更新してください。何もインポートされていません。</translation>
    </message>
    <message>
        <source>Refusing to write a plaintext export inside the vault folder; choose another place.</source>
        <translation>暗号化されていないエクスポートを保管庫フォルダーの中には書き込みません。別の場所を選んでください。</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name for the export.</source>
        <translation>{path} はフォルダーです。エクスポートのファイル名を指定してください。</translation>
    </message>
    <message>
        <source>The folder for {path} does not exist.</source>
        <translation>{path} のフォルダーが存在しません。</translation>
    </message>
    <message>
        <source>{path} cannot be written (permission denied).</source>
        <translation>{path} に書き込めません(アクセスが拒否されました)。</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}).</source>
        <translation>{path} に書き込めませんでした({reason})。</translation>
    </message>
    <message>
        <source>{path}</source>
        <translation>{path}</translation>
    </message>
    <message>
        <source>{path}, line {number}</source>
        <translation>{path} の {number} 行目</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>UTF-8 のテキストではありません</translation>
    </message>
    <message>
        <source>it is larger than {limit:,} bytes</source>
        <translation>{limit:,} バイトを超えています</translation>
    </message>
    <message>
        <source>it is PeerJournal&apos;s single-file export, made for reading; import the JSON export or a Markdown folder export instead</source>
        <translation>PeerJournal の単一ファイルのエクスポートで、読むためのものです。代わりに JSON エクスポートか Markdown フォルダーのエクスポートをインポートしてください</translation>
    </message>
    <message>
        <source>the front matter is not valid YAML ({reason})</source>
        <translation>フロントマターが正しい YAML ではありません({reason})</translation>
    </message>
    <message>
        <source>the front matter uses a YAML tag or feature journals never need ({reason})</source>
        <translation>フロントマターが日記には不要な YAML のタグや機能を使っています({reason})</translation>
    </message>
    <message>
        <source>the front matter must be &apos;key: value&apos; lines</source>
        <translation>フロントマターは「キー: 値」の行でなければなりません</translation>
    </message>
    <message>
        <source>the front matter is never closed by a line &apos;---&apos;</source>
        <translation>フロントマターが「---」の行で閉じられていません</translation>
    </message>
    <message>
        <source>the front matter is longer than {limit:,} characters</source>
        <translation>フロントマターが {limit:,} 文字を超えています</translation>
    </message>
    <message>
        <source>{key!r} in the front matter must be {expected}</source>
        <translation>フロントマターの {key!r} は{expected}でなければなりません</translation>
    </message>
    <message>
        <source>{key!r} must be a date such as 2024-05-31 or 2024-05-31T21:07:00+02:00, found {value}</source>
        <translation>{key!r} は 2024-05-31 や 2024-05-31T21:07:00+02:00 のような日付でなければなりません(値: {value})</translation>
    </message>
    <message>
        <source>a list of tags or one line of tags</source>
        <translation>タグのリストまたは 1 行のタグ</translation>
    </message>
    <message>
        <source>a list of names or one line of names</source>
        <translation>名前のリスト、または名前を並べた1行</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>a UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>An export is NOT encrypted: anyone who can read the file can read your journal. Keep it on an encrypted disk, or make an encrypted backup instead (peerjournal backup).</source>
        <translation>エクスポートは暗号化されていません。ファイルを読める人は誰でも日記を読めます。暗号化されたディスクに保管するか、代わりに暗号化バックアップを作成してください(peerjournal backup)。</translation>
    </message>
    <message>
        <source>The export could not be written. Nothing was written.</source>
        <translation>エクスポートを書き込めませんでした。何も書き込まれていません。</translation>
    </message>
    <message>
        <source>The export was cancelled. Nothing was written.</source>
        <translation>エクスポートは取り消されました。何も書き込まれていません。</translation>
    </message>
    <message>
        <source>Unknown export format {name!r}; use one of: {formats}.</source>
        <translation>不明なエクスポート形式 {name!r} です。次のいずれかを使ってください: {formats}。</translation>
    </message>
    <message>
        <source>A {format} export needs a place to write to: give --output.</source>
        <translation>{format} のエクスポートには書き込み先が必要です。--output を指定してください。</translation>
    </message>
    <message>
        <source>{path} already exists and is not an empty folder; choose a new name for the Markdown folder.</source>
        <translation>{path} は既に存在し、空のフォルダーではありません。Markdown フォルダーには新しい名前を選んでください。</translation>
    </message>
    <message>
        <source>{path} already exists. Give --yes to replace it, or choose a new name.</source>
        <translation>{path} は既に存在します。置き換えるには --yes を付けるか、新しい名前を選んでください。</translation>
    </message>
    <message>
        <source>{path} is a link or not an ordinary file; choose a new name.</source>
        <translation>{path} はリンクか通常のファイルではありません。新しい名前を選んでください。</translation>
    </message>
    <message>
        <source>{path} is a pipe or a device; to write the export into it, leave out --output and redirect standard output: peerjournal export --format {format} &gt; {path}</source>
        <translation>{path} はパイプまたはデバイスです。そこへ書き出すには --output を付けずに標準出力をリダイレクトしてください: peerjournal export --format {format} &gt; {path}</translation>
    </message>
    <message>
        <source>{path} is a pipe or a device, not a file; a {format} export needs a file name.</source>
        <translation>{path} はパイプまたはデバイスで、ファイルではありません。{format} のエクスポートにはファイル名が必要です。</translation>
    </message>
    <message>
        <source>The disk is full: the export written to standard output is incomplete. Delete it, free some space and try again.</source>
        <translation>ディスクがいっぱいです。標準出力に書き出したエクスポートは不完全です。それを削除し、空き容量を作ってからやり直してください。</translation>
    </message>
    <message>
        <source>The export could not be written to standard output ({reason}); what was written is incomplete.</source>
        <translation>エクスポートを標準出力に書き出せませんでした ({reason})。書き出された内容は不完全です。</translation>
    </message>
    <message>
        <source>The range ends ({until}) before it starts ({since}).</source>
        <translation>期間の終わり({until})が始まり({since})より前です。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>何も書き込まれていません。</translation>
    </message>
    <message>
        <source>PDF export needs the desktop part of PeerJournal (PySide6), which is not installed.</source>
        <translation>PDF のエクスポートには PeerJournal のデスクトップ部分(PySide6)が必要ですが、インストールされていません。</translation>
    </message>
    <message>
        <source>Could not write the output: {reason}.</source>
        <translation>出力を書き込めませんでした: {reason}。</translation>
    </message>
    <message>
        <source>The command did its work, but its output could not be written: {reason}.</source>
        <translation>コマンドは実行されましたが、その出力を書き込めませんでした: {reason}。</translation>
    </message>
    <message>
        <source>The vault was created, but its recovery code could not be shown ({reason}). Run `peerjournal new-recovery-code` where its output can be read, and write the new code down.</source>
        <translation>保管庫は作成されましたが、復旧コードを表示できませんでした ({reason})。出力を読める場所で `peerjournal new-recovery-code` を実行し、新しいコードを書き留めてください。</translation>
    </message>
    <message>
        <source>A new recovery code was made (the old one no longer works), but it could not be shown ({reason}). Run `peerjournal new-recovery-code` again where its output can be read, and write the code down.</source>
        <translation>新しい復旧コードが作成されました (古いコードはもう使えません) が、表示できませんでした ({reason})。出力を読める場所でもう一度 `peerjournal new-recovery-code` を実行し、コードを書き留めてください。</translation>
    </message>
    <message>
        <source>title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>template</source>
        <translation>テンプレート</translation>
    </message>
    <message>
        <source>entry text</source>
        <translation>エントリーの本文</translation>
    </message>
    <message>
        <source>note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>emotion</source>
        <translation>感情</translation>
    </message>
    <message>
        <source>activity</source>
        <translation>活動</translation>
    </message>
    <message>
        <source>content warning</source>
        <translation>内容の注意</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>返信</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>recovery code</source>
        <translation>復旧コード</translation>
    </message>
    <message>
        <source>Not found.</source>
        <translation>見つかりません。</translation>
    </message>
    <message>
        <source>No entry has that id.</source>
        <translation>その ID のエントリーはありません。</translation>
    </message>
    <message>
        <source>An entry id needs at least 4 characters.</source>
        <translation>エントリーの ID には4文字以上が必要です。</translation>
    </message>
    <message>
        <source>More than one entry starts with that id; give more characters.</source>
        <translation>その ID で始まるエントリーが複数あります。もっと長く指定してください。</translation>
    </message>
    <message>
        <source>No mood log has that id.</source>
        <translation>その ID の気分記録はありません。</translation>
    </message>
    <message>
        <source>A mood log id needs at least 4 characters.</source>
        <translation>気分記録の ID には4文字以上が必要です。</translation>
    </message>
    <message>
        <source>More than one mood log starts with that id; give more characters.</source>
        <translation>その ID で始まる気分記録が複数あります。もっと長く指定してください。</translation>
    </message>
    <message>
        <source>There is no such peer.</source>
        <translation>そのようなピアはいません。</translation>
    </message>
    <message>
        <source>There is no peer called {name!r}.</source>
        <translation>{name!r} という名前のピアはいません。</translation>
    </message>
    <message>
        <source>Give at least 4 characters of the item id.</source>
        <translation>項目の ID を4文字以上指定してください。</translation>
    </message>
    <message>
        <source>There is no single shared item starting with {prefix!r}.</source>
        <translation>{prefix!r} で始まる共有項目がただ1つに決まりません。</translation>
    </message>
    <message>
        <source>That value is not valid.</source>
        <translation>その値は正しくありません。</translation>
    </message>
    <message>
        <source>The {field} must be text.</source>
        <translation>{field}はテキストでなければなりません。</translation>
    </message>
    <message>
        <source>The {field} contains a NUL character.</source>
        <translation>{field}に NUL 文字が含まれています。</translation>
    </message>
    <message>
        <source>The {field} contains characters that cannot be stored.</source>
        <translation>{field}に保存できない文字が含まれています。</translation>
    </message>
    <message>
        <source>The {field} is longer than {limit:,} characters; nothing was saved.</source>
        <translation>{field}が {limit:,} 文字を超えています。何も保存されていません。</translation>
    </message>
    <message>
        <source>A tag may be at most 100 characters long.</source>
        <translation>タグは100文字までです。</translation>
    </message>
    <message>
        <source>An entry may have at most {limit} tags; nothing was saved.</source>
        <translation>1 つのエントリーに付けられるタグは {limit} 個までです。何も保存されていません。</translation>
    </message>
    <message>
        <source>An {field} name may be at most 100 characters long.</source>
        <translation>{field}の名前は100文字までです。</translation>
    </message>
    <message>
        <source>A check-in may have at most {limit:,} names of each kind ({field}); nothing was saved.</source>
        <translation>1 回のチェックインに付けられる名前は種類ごとに {limit:,} 個までです ({field})。何も保存されていません。</translation>
    </message>
    <message>
        <source>A time must be a date and time.</source>
        <translation>時刻には日付と時刻が必要です。</translation>
    </message>
    <message>
        <source>A time must carry its time zone.</source>
        <translation>時刻にはタイムゾーンが必要です。</translation>
    </message>
    <message>
        <source>The time {value} is outside the years {low} to {high} that PeerJournal keeps; nothing was saved.</source>
        <translation>時刻 {value} は PeerJournal が扱う {low} 年から {high} 年の範囲外です。何も保存されていません。</translation>
    </message>
    <message>
        <source>An entry&apos;s times must carry a time zone.</source>
        <translation>エントリーの時刻にはタイムゾーンが必要です。</translation>
    </message>
    <message>
        <source>Only entries in the trash can be deleted for good.</source>
        <translation>完全に削除できるのはゴミ箱の中のエントリーだけです。</translation>
    </message>
    <message>
        <source>The mood level must be a whole number from 1 to 5.</source>
        <translation>気分のレベルは1から5の整数でなければなりません。</translation>
    </message>
    <message>
        <source>A mood log&apos;s time must carry a time zone.</source>
        <translation>気分記録の時刻にはタイムゾーンが必要です。</translation>
    </message>
    <message>
        <source>A mood label must be 1 to 50 characters of text.</source>
        <translation>気分の名前は1~50文字のテキストでなければなりません。</translation>
    </message>
    <message>
        <source>The offset must be zero or more.</source>
        <translation>オフセットは0以上でなければなりません。</translation>
    </message>
    <message>
        <source>The limit must be between 0 and {limit}.</source>
        <translation>上限は0から{limit}の間でなければなりません。</translation>
    </message>
    <message>
        <source>The limit must be zero or more.</source>
        <translation>上限は0以上でなければなりません。</translation>
    </message>
    <message>
        <source>Date filters must be calendar days.</source>
        <translation>日付の絞り込みには暦日を指定してください。</translation>
    </message>
    <message>
        <source>That is not a valid month.</source>
        <translation>正しい月ではありません。</translation>
    </message>
    <message>
        <source>A setting needs a name.</source>
        <translation>設定には名前が必要です。</translation>
    </message>
    <message>
        <source>That setting value cannot be stored.</source>
        <translation>その設定値は保存できません。</translation>
    </message>
    <message>
        <source>The passphrase must not be empty.</source>
        <translation>パスフレーズは空にできません。</translation>
    </message>
    <message>
        <source>The new passphrase must not be empty.</source>
        <translation>新しいパスフレーズは空にできません。</translation>
    </message>
    <message>
        <source>The passphrase contains characters that cannot be used.</source>
        <translation>パスフレーズに使えない文字が含まれています。</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>2つのパスフレーズが違います。何も変更されていません。</translation>
    </message>
    <message>
        <source>The entry has no tag {tag!r}.</source>
        <translation>このエントリーにはタグ {tag!r} がありません。</translation>
    </message>
    <message>
        <source>Too many or too long tags.</source>
        <translation>タグが多すぎるか、長すぎます。</translation>
    </message>
    <message>
        <source>The {field} is too long to share (at most {limit} characters).</source>
        <translation>{field}が長すぎて共有できません(最大{limit}文字)。</translation>
    </message>
    <message>
        <source>A mood level is 1 to 5.</source>
        <translation>気分のレベルは1から5です。</translation>
    </message>
    <message>
        <source>A reply needs some text.</source>
        <translation>返信には何かテキストが必要です。</translation>
    </message>
    <message>
        <source>A reaction is one of: {reactions}.</source>
        <translation>リアクションは次のいずれかです: {reactions}。</translation>
    </message>
    <message>
        <source>There is no finding {number}: the preview numbers its findings 1 to {count}; nothing was shared.</source>
        <translation>見つかったもの {number} はありません: プレビューでは 1 から {count} までの番号が付いています。何も共有されていません。</translation>
    </message>
    <message>
        <source>There is no finding {number}: the preview found nothing to number; nothing was shared.</source>
        <translation>見つかったもの {number} はありません: プレビューでは番号を付けるものが見つかりませんでした。何も共有されていません。</translation>
    </message>
    <message>
        <source>Finding {number} cannot be both kept and redacted; nothing was shared.</source>
        <translation>見つかったもの {number} を、残すと伏せるの両方にはできません。何も共有されていません。</translation>
    </message>
    <message>
        <source>{word!r} cannot be both kept and redacted; nothing was shared.</source>
        <translation>{word!r} を、残すと伏せるの両方にはできません。何も共有されていません。</translation>
    </message>
    <message>
        <source>{word!r} is not in the entry; nothing was shared.</source>
        <translation>{word!r} はエントリーにありません。何も共有されていません。</translation>
    </message>
    <message>
        <source>{word!r} is part of the finding {finding!r} and cannot be kept alone: keep that finding by its number; nothing was shared.</source>
        <translation>{word!r} は見つかったもの {finding!r} の一部なので、それだけを残すことはできません。その番号で見つかったものを残してください。何も共有されていません。</translation>
    </message>
    <message>
        <source>A word to keep or redact needs at least one letter or digit.</source>
        <translation>残す言葉や伏せる言葉には、文字か数字が少なくとも1つ必要です。</translation>
    </message>
    <message>
        <source>A word to keep or redact is at most {limit} characters.</source>
        <translation>残す言葉や伏せる言葉は {limit} 文字までです。</translation>
    </message>
    <message>
        <source>A keep or redact list holds at most {limit} words.</source>
        <translation>残す一覧や伏せる一覧に入れられる言葉は {limit} 個までです。</translation>
    </message>
    <message>
        <source>The text to share is empty (an empty pipe often means the command before it failed); nothing was shared.</source>
        <translation>共有するテキストが空です(空のパイプは、前のコマンドが失敗したことを示すことが多いです)。何も共有されていません。</translation>
    </message>
    <message>
        <source>--always remembers the words of --keep-word and --redact-word; give at least one.</source>
        <translation>--always は --keep-word と --redact-word の言葉を覚えておきます。少なくとも1つ指定してください。</translation>
    </message>
    <message>
        <source>The text saved in the editor is empty; nothing was shared.</source>
        <translation>エディターで保存したテキストが空です。何も共有されていません。</translation>
    </message>
    <message>
        <source>{name} is not paired yet; sync first to finish pairing.</source>
        <translation>{name} とはまだペアになっていません。ペアリングを終えるには、先に同期してください。</translation>
    </message>
    <message>
        <source>That peer is not paired (yet).</source>
        <translation>そのピアとは(まだ)ペアになっていません。</translation>
    </message>
    <message>
        <source>That peer is no longer paired.</source>
        <translation>そのピアとはもうペアではありません。</translation>
    </message>
    <message>
        <source>{name} is not paired yet, so there is no safety code to compare; sync first to finish pairing.</source>
        <translation>{name} とはまだペアになっていないので、照らし合わせる安全コードがありません。ペアリングを終えるには、先に同期してください。</translation>
    </message>
    <message>
        <source>A pseudonym is at most {limit} printable characters.</source>
        <translation>仮名は表示できる文字で{limit}文字までです。</translation>
    </message>
    <message>
        <source>That relay address is not usable: it must start with http:// or https:// and name a host, with no spaces.</source>
        <translation>そのリレーのアドレスは使えません。http:// か https:// で始まり、ホスト名を含み、空白を含まない必要があります。</translation>
    </message>
    <message>
        <source>That relay address is not usable: it must not carry a query, a fragment or a user name.</source>
        <translation>そのリレーのアドレスは使えません。クエリ、フラグメント、ユーザー名を含めることはできません。</translation>
    </message>
    <message>
        <source>That relay address is not usable: its port is not valid.</source>
        <translation>そのリレーのアドレスは使えません。ポート番号が正しくありません。</translation>
    </message>
    <message>
        <source>The {field} file {path} does not exist.</source>
        <translation>{field}のファイル {path} が存在しません。</translation>
    </message>
    <message>
        <source>The {field} file {path} is a folder.</source>
        <translation>{field}のファイル {path} はフォルダーです。</translation>
    </message>
    <message>
        <source>The {field} file {path} cannot be read ({reason}).</source>
        <translation>{field}のファイル {path} を読み込めません({reason})。</translation>
    </message>
    <message>
        <source>The {field} file {path} is too large to hold a {field}.</source>
        <translation>{field}のファイル {path} は、{field}としては大きすぎます。</translation>
    </message>
    <message>
        <source>The {field} file {path} is not UTF-8 text.</source>
        <translation>{field}のファイル {path} が UTF-8 テキストではありません。</translation>
    </message>
    <message>
        <source>The {field} file {path} is empty.</source>
        <translation>{field}のファイル {path} は空です。</translation>
    </message>
    <message>
        <source>A {field} is needed but there is no terminal to ask for it: use {flag} FILE or set {env}.</source>
        <translation>{field}が必要ですが、入力を求める端末がありません。{flag} FILE を使うか、{env} を設定してください。</translation>
    </message>
    <message>
        <source>A new passphrase is needed but there is no terminal to ask for it: use {flag} FILE or set {env}.</source>
        <translation>新しいパスフレーズが必要ですが、入力を求める端末がありません。{flag} FILE を使うか、{env} を設定してください。</translation>
    </message>
    <message>
        <source>Nothing was typed; nothing was changed.</source>
        <translation>何も入力されませんでした。何も変更されていません。</translation>
    </message>
    <message>
        <source>The {option} given on the command line is not UTF-8 text; nothing was changed.</source>
        <translation>コマンドラインで指定した {option} が UTF-8 テキストではありません。何も変更されていません。</translation>
    </message>
    <message>
        <source>The name given for {option} is too long for any file system (a part of it is over {limit} bytes); nothing was changed.</source>
        <translation>{option} に指定された名前は、どのファイルシステムにも長すぎます (一部が {limit} バイトを超えています)。何も変更されていません。</translation>
    </message>
    <message>
        <source>The name given for {option} is empty (an unset variable?); give a file or folder name. Nothing was changed.</source>
        <translation>{option} に指定した名前が空です (未設定の変数?)。ファイル名かフォルダー名を指定してください。何も変更されていません。</translation>
    </message>
    <message>
        <source>The new body is empty, so the entry was left as it was (an empty pipe often means the command before it failed). To clear the body on purpose, use --clear-body.</source>
        <translation>新しい本文が空なので、エントリーはそのままにしました(空のパイプは、前のコマンドが失敗したことを示すことが多いです)。本文を意図的に消すには --clear-body を使ってください。</translation>
    </message>
    <message>
        <source>Entry {id} is not in the trash, and deleting it for good cannot be undone: add --yes to do it, or leave out --purge to move it to the trash.</source>
        <translation>エントリー {id} はゴミ箱にありません。完全に削除すると元に戻せません。実行するには --yes を付けるか、ゴミ箱に移すなら --purge を外してください。</translation>
    </message>
    <message>
        <source>Not confirmed; nothing was changed.</source>
        <translation>確認されませんでした。何も変更されていません。</translation>
    </message>
    <message>
        <source>Entries that match: {count}. No one is at a terminal to confirm: add --yes to change them. Nothing was changed.</source>
        <translation>該当するエントリー: {count} 件。確認できる端末がありません。変更するには --yes を付けてください。何も変更されていません。</translation>
    </message>
    <message>
        <source>Give an entry ID, or a filter (--tag, --since, --until, --on, --starred) to act on every entry it selects.</source>
        <translation>エントリー ID を指定するか、選んだすべてのエントリーに適用するフィルター（--tag、--since、--until、--on、--starred）を指定してください。</translation>
    </message>
    <message>
        <source>Give either an entry ID or a filter (--since, --until, --on, --starred), not both.</source>
        <translation>エントリー ID かフィルター（--since、--until、--on、--starred）のどちらか一方を指定してください。両方は指定できません。</translation>
    </message>
    <message>
        <source>Filter by one tag at a time.</source>
        <translation>タグのフィルターは一度に一つだけです。</translation>
    </message>
    <message>
        <source>Deleting for good works on one entry at a time (--purge ID); a filter moves its entries to the trash.</source>
        <translation>完全な削除は一度に一件だけです（--purge ID）。フィルターで選んだエントリーはゴミ箱に移されます。</translation>
    </message>
    <message>
        <source>With a filter, edit changes tags and stars only (--add-tag, --untag, --star, --unstar); give an ID to change a title, body or date.</source>
        <translation>フィルターを使う edit で変更できるのはタグとスターだけです（--add-tag、--untag、--star、--unstar）。タイトル、本文、日付を変えるには ID を指定してください。</translation>
    </message>
    <message>
        <source>Nothing to change: give --add-tag, --untag, --star or --unstar.</source>
        <translation>変更する内容がありません。--add-tag、--untag、--star、--unstar のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Deleting mood log {id} cannot be undone: add --yes to do it.</source>
        <translation>気分記録 {id} の削除は元に戻せません。実行するには --yes を付けてください。</translation>
    </message>
    <message>
        <source>Standard input is not UTF-8 text (bad byte at position {position}).</source>
        <translation>標準入力が UTF-8 テキストではありません(位置 {position} に不正なバイト)。</translation>
    </message>
    <message>
        <source>The text on standard input is longer than {limit:,} chars.</source>
        <translation>標準入力のテキストが {limit:,} 文字を超えています。</translation>
    </message>
    <message>
        <source>Give the entry text as an argument, or &quot;-&quot; to read standard input.</source>
        <translation>エントリーの本文を引数で指定するか、標準入力から読むには &quot;-&quot; を指定してください。</translation>
    </message>
    <message>
        <source>The entry is empty; nothing was saved.</source>
        <translation>エントリーが空です。何も保存されていません。</translation>
    </message>
    <message>
        <source>Nothing to change: give --title, --body, --clear-body, --tag, --untag, --star, --unstar or --date.</source>
        <translation>変更するものがありません: --title、--body、--clear-body、--tag、--untag、--star、--unstar、--date のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Nothing to change: give a level, --emotion, --activity, --note, --at, --clear-emotions or --clear-activities.</source>
        <translation>変更するものがありません: レベル、--emotion、--activity、--note、--at、--clear-emotions、--clear-activities のいずれかを指定してください。</translation>
    </message>
    <message>
        <source>Entry {id} is already in the trash (delete it for good with --purge).</source>
        <translation>エントリー {id} はすでにゴミ箱にあります(完全に削除するには --purge)。</translation>
    </message>
    <message>
        <source>Entry {id} is not in the trash.</source>
        <translation>エントリー {id} はゴミ箱にありません。</translation>
    </message>
    <message>
        <source>{folder} is not private to you; refusing to keep a session there.</source>
        <translation>{folder} はあなた専用ではありません。そこにはセッションを置きません。</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: its folder {folder} belongs to another user (uid {owner}), who may be posing as it. Remove that folder, or set XDG_RUNTIME_DIR to a folder of your own.</source>
        <translation>ロック解除中のセッションには何も送っていません: そのフォルダー {folder} は別のユーザー (uid {owner}) のもので、なりすましのおそれがあります。そのフォルダーを削除するか、XDG_RUNTIME_DIR を自分のフォルダーに設定してください。</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: its folder {folder} can be used by other users (mode {mode}). Make it private (chmod 700) or remove it.</source>
        <translation>ロック解除中のセッションには何も送っていません: そのフォルダー {folder} はほかのユーザーも使えます (mode {mode})。非公開にする (chmod 700) か、削除してください。</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: {folder} is not a folder (or is a link). Remove it.</source>
        <translation>ロック解除中のセッションには何も送っていません: {folder} はフォルダーではありません(またはリンクです)。削除してください。</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: its socket {socket} belongs to another user (uid {owner}), who may be posing as it.</source>
        <translation>ロック解除中のセッションには何も送っていません: そのソケット {socket} は別のユーザー (uid {owner}) のもので、なりすましのおそれがあります。</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: {socket} is not a socket. Remove it.</source>
        <translation>ロック解除中のセッションには何も送っていません: {socket} はソケットではありません。削除してください。</translation>
    </message>
    <message>
        <source>Nothing was sent to the unlocked session: the process answering at {socket} runs as another user (uid {uid}), who may be posing as it.</source>
        <translation>ロック解除中のセッションには何も送っていません: {socket} で応答しているプロセスは別のユーザー (uid {uid}) として動いており、なりすましのおそれがあります。</translation>
    </message>
    <message>
        <source>The folder {folder} is too deep for the session&apos;s socket; set XDG_RUNTIME_DIR to a shorter folder of your own.</source>
        <translation>フォルダー {folder} はセッションのソケットには深すぎます。XDG_RUNTIME_DIR をもっと短い自分のフォルダーに設定してください。</translation>
    </message>
    <message>
        <source>Unlocked sessions need Unix sockets, which this system lacks.</source>
        <translation>ロック解除中のセッションには Unix ソケットが必要ですが、このシステムにはありません。</translation>
    </message>
    <message>
        <source>The session could not be started.</source>
        <translation>セッションを開始できませんでした。</translation>
    </message>
    <message>
        <source>The {field} file {path} is larger than 1 MiB.</source>
        <translation>{field}のファイル {path} は 1 MiB より大きいです。</translation>
    </message>
    <message>
        <source>A template must hold some text and at most {limit:,} characters.</source>
        <translation>テンプレートには何かテキストが必要で、{limit:,} 文字までです。</translation>
    </message>
    <message>
        <source>Give the words to search for, e.g. peerjournal search &apos;walk OR river&apos;.</source>
        <translation>検索する言葉を指定してください。例: peerjournal search &apos;walk OR river&apos;。</translation>
    </message>
    <message>
        <source>--on names one day; leave out --since and --until with it.</source>
        <translation>--on は1日を指定します。一緒に --since と --until は使わないでください。</translation>
    </message>
    <message>
        <source>The unlocked session ended before it answered; nothing was changed.</source>
        <translation>ロック解除中のセッションが応答する前に終了しました。何も変更されていません。</translation>
    </message>
    <message>
        <source>The unlocked session is not answering: its process {pid} is stopped. Nothing was sent. Run `peerjournal lock` to end it (or resume the process), then try again.</source>
        <translation>ロック解除中のセッションが応答しません: そのプロセス {pid} は停止しています。何も送っていません。`peerjournal lock` で終了して (またはプロセスを再開して) から、もう一度試してください。</translation>
    </message>
    <message>
        <source>The unlocked session did not answer within {seconds} seconds. The command may or may not have been carried out (check, e.g. with `peerjournal list`); run `peerjournal lock` to end the session, or `peerjournal unlock` again.</source>
        <translation>ロック解除中のセッションが {seconds} 秒以内に応答しませんでした。コマンドが実行されたかどうかはわかりません (`peerjournal list` などで確認してください)。`peerjournal lock` でセッションを終了するか、もう一度 `peerjournal unlock` してください。</translation>
    </message>
    <message>
        <source>The text saved in the editor is empty, so the entry was left as it was. To clear the body on purpose, use --clear-body.</source>
        <translation>エディターで保存したテキストが空なので、エントリーはそのままにしました。本文を意図的に消すには --clear-body を使ってください。</translation>
    </message>
    <message>
        <source>No editor is set: set $VISUAL or $EDITOR (for example `export EDITOR=nano`), or give the text as an argument or with -.</source>
        <translation>エディターが設定されていません: $VISUAL か $EDITOR を設定する(例: `export EDITOR=nano`)か、テキストを引数か - で指定してください。</translation>
    </message>
    <message>
        <source>${name} does not name an editor that can be started.</source>
        <translation>${name} は起動できるエディターを指していません。</translation>
    </message>
    <message>
        <source>The editor {editor} could not be started ({reason}); nothing was saved.</source>
        <translation>エディター {editor} を起動できませんでした({reason})。何も保存されていません。</translation>
    </message>
    <message>
        <source>The editor {editor} ended with status {status}; nothing was saved.</source>
        <translation>エディター {editor} はステータス {status} で終了しました。何も保存されていません。</translation>
    </message>
    <message>
        <source>This system has no private in-memory folder for the editor&apos;s file ($XDG_RUNTIME_DIR or /dev/shm), and a file in {folder} would put the text on the disk unencrypted. Add --allow-disk-temp to accept that, or give the text with - (standard input) instead.</source>
        <translation>このシステムには、エディターのファイルを置くメモリ上の非公開フォルダー ($XDG_RUNTIME_DIR または /dev/shm) がありません。{folder} にファイルを置くと、テキストが暗号化されずにディスクに書かれます。それでよければ --allow-disk-temp を付けるか、代わりにテキストを - (標準入力) で指定してください。</translation>
    </message>
    <message>
        <source>The editor&apos;s file was removed before it was read back; nothing was saved.</source>
        <translation>エディターのファイルが読み戻す前に削除されました。何も保存されていません。</translation>
    </message>
    <message>
        <source>The editor saved text that is not UTF-8 (bad byte at position {position}); nothing was saved.</source>
        <translation>エディターが UTF-8 ではないテキストを保存しました(位置 {position} に不正なバイト)。何も保存されていません。</translation>
    </message>
    <message>
        <source>{peer}: {problem}</source>
        <translation>{peer}: {problem}</translation>
    </message>
    <message>
        <source>Sharing with your peers did not work this time.</source>
        <translation>今回はピアとの共有がうまくいきませんでした。</translation>
    </message>
    <message>
        <source>That invite code is not valid. Ask your peer for a new one.</source>
        <translation>その招待コードは正しくありません。相手に新しいコードを頼んでください。</translation>
    </message>
    <message>
        <source>That invite has expired. Ask your peer for a new one.</source>
        <translation>その招待は期限が切れています。相手に新しい招待を頼んでください。</translation>
    </message>
    <message>
        <source>You already accepted this invite.</source>
        <translation>この招待はすでに受けています。</translation>
    </message>
    <message>
        <source>That invite has already been used. Ask for a new one.</source>
        <translation>その招待はすでに使われています。新しい招待を頼んでください。</translation>
    </message>
    <message>
        <source>The relay could not be reached. Your messages wait and go out later.</source>
        <translation>リレーにつながりませんでした。メッセージは待機し、あとで送られます。</translation>
    </message>
    <message>
        <source>The relay is not working right now; messages go out later.</source>
        <translation>リレーは今動いていません。メッセージはあとで送られます。</translation>
    </message>
    <message>
        <source>The relay refused the request.</source>
        <translation>リレーが要求を拒否しました。</translation>
    </message>
    <message>
        <source>The relay refused the request ({wire_code}).</source>
        <translation>リレーが要求を拒否しました ({wire_code})。</translation>
    </message>
    <message>
        <source>The relay did not accept this pairing&apos;s keys; the mailbox may be gone.</source>
        <translation>リレーがこのペアリングの鍵を受け入れませんでした。メールボックスがなくなっている可能性があります。</translation>
    </message>
    <message>
        <source>The relay says this computer&apos;s clock is wrong. Check the date and time.</source>
        <translation>このコンピューターの時計がずれているとリレーが言っています。日付と時刻を確認してください。</translation>
    </message>
    <message>
        <source>The relay saw the same request twice; it will be retried.</source>
        <translation>リレーが同じ要求を2回受け取りました。もう一度試します。</translation>
    </message>
    <message>
        <source>That invite has already been used. Ask your peer for a new one.</source>
        <translation>その招待はすでに使われています。相手に新しい招待を頼んでください。</translation>
    </message>
    <message>
        <source>The relay holds a different message with the same id.</source>
        <translation>リレーには同じ ID の別のメッセージがあります。</translation>
    </message>
    <message>
        <source>Your peer&apos;s mailbox on the relay is full; messages wait and go out later.</source>
        <translation>リレー上の相手のメールボックスがいっぱいです。メッセージは待機し、あとで送られます。</translation>
    </message>
    <message>
        <source>The message is too large for the relay.</source>
        <translation>メッセージがリレーには大きすぎます。</translation>
    </message>
    <message>
        <source>The relay is out of space; messages wait and go out later.</source>
        <translation>リレーの容量が足りません。メッセージは待機し、あとで送られます。</translation>
    </message>
    <message>
        <source>The relay refused the message size.</source>
        <translation>リレーがメッセージのサイズを拒否しました。</translation>
    </message>
    <message>
        <source>The relay did not understand the request.</source>
        <translation>リレーが要求を理解できませんでした。</translation>
    </message>
    <message>
        <source>The relay does not offer that service; check the relay address.</source>
        <translation>リレーはそのサービスを提供していません。リレーのアドレスを確認してください。</translation>
    </message>
    <message>
        <source>The relay asks to slow down; messages go out a little later.</source>
        <translation>リレーが速度を落とすよう求めています。メッセージは少し遅れて送られます。</translation>
    </message>
    <message>
        <source>The relay or a peer sent data that is not valid; it was ignored.</source>
        <translation>リレーかピアから正しくないデータが届いたので、無視しました。</translation>
    </message>
    <message>
        <source>The relay speaks a different protocol version.</source>
        <translation>リレーのプロトコルのバージョンが違います。</translation>
    </message>
    <message>
        <source>The relay&apos;s answer has no message list.</source>
        <translation>リレーの応答にメッセージの一覧がありません。</translation>
    </message>
    <message>
        <source>The relay&apos;s acknowledgement answer is malformed.</source>
        <translation>リレーの受領確認の応答が不正です。</translation>
    </message>
    <message>
        <source>The relay&apos;s answer was cut short or malformed.</source>
        <translation>リレーの応答が途中で切れているか、不正です。</translation>
    </message>
    <message>
        <source>The relay&apos;s answer is not valid JSON.</source>
        <translation>リレーの応答が正しい JSON ではありません。</translation>
    </message>
    <message>
        <source>The relay&apos;s answer has the wrong shape.</source>
        <translation>リレーの応答の形が正しくありません。</translation>
    </message>
    <message>
        <source>The relay&apos;s answer is too large.</source>
        <translation>リレーの応答が大きすぎます。</translation>
    </message>
    <message>
        <source>A mailbox or message id from the relay is not text.</source>
        <translation>リレーから届いたメールボックスかメッセージの ID がテキストではありません。</translation>
    </message>
    <message>
        <source>A mailbox or message id is malformed.</source>
        <translation>メールボックスかメッセージの ID が不正です。</translation>
    </message>
    <message>
        <source>The relay answered with an unexpected status {status}.</source>
        <translation>リレーが予期しないステータス {status} で応答しました。</translation>
    </message>
    <message>
        <source>The recovery slot of this vault&apos;s header is damaged, so your recovery code could not open the vault. Make a new recovery code now (peerjournal new-recovery-code).</source>
        <translation>この保管庫のヘッダーの復旧スロットが壊れているため、復旧コードで保管庫を開けませんでした。今すぐ新しい復旧コードを作ってください (peerjournal new-recovery-code)。</translation>
    </message>
    <message>
        <source>The recovery slot of this vault&apos;s header uses a weaker key derivation than PeerJournal writes. Make a new recovery code (peerjournal new-recovery-code) to raise it.</source>
        <translation>この保管庫のヘッダーの復旧スロットは、PeerJournal が書き込むものより弱い鍵導出を使っています。強くするには新しい復旧コードを作ってください (peerjournal new-recovery-code)。</translation>
    </message>
    <message>
        <source>The vault header had been modified by someone or something other than PeerJournal. Your recovery code proved the parts that were kept; the header was written again with your new passphrase.</source>
        <translation>保管庫のヘッダーが PeerJournal 以外の誰か、または何かによって変更されていました。残っていた部分は復旧コードで確かめられ、ヘッダーは新しいパスフレーズで書き直されました。</translation>
    </message>
    <message>
        <source>The vault is read-only here: you can read, search and export, but not change anything.</source>
        <translation>ここでは保管庫が読み取り専用です。読む、検索する、エクスポートすることはできますが、変更はできません。</translation>
    </message>
    <message>
        <source>The disk of the vault is full: you can read, search and export, but nothing can be saved until you free some space.</source>
        <translation>保管庫のディスクがいっぱいです。読む、検索する、エクスポートすることはできますが、空き容量を作るまで何も保存できません。</translation>
    </message>
    <message>
        <source>The vault could not be used.</source>
        <translation>保管庫を使えませんでした。</translation>
    </message>
    <message>
        <source>The vault&apos;s database could not switch to write-ahead logging.</source>
        <translation>保管庫のデータベースを先行書き込みログに切り替えられませんでした。</translation>
    </message>
    <message>
        <source>No vault can be made at {folder} ({reason}); nothing was created.</source>
        <translation>{folder} には保管庫を作れません ({reason})。何も作成されていません。</translation>
    </message>
    <message>
        <source>There is not enough free memory to unlock: the key derivation needs {mib} MiB. Close some programs and try again; nothing was changed.</source>
        <translation>ロックを解除するための空きメモリが足りません。鍵導出には {mib} MiB が必要です。いくつかのプログラムを閉じてから、もう一度試してください。何も変更されていません。</translation>
    </message>
    <message>
        <source>There is no PeerJournal vault in that folder.</source>
        <translation>そのフォルダーに PeerJournal の保管庫はありません。</translation>
    </message>
    <message>
        <source>There is no PeerJournal vault in {folder}. Create one with `peerjournal init`, or point --vault at yours.</source>
        <translation>{folder} に PeerJournal の保管庫はありません。`peerjournal init` で作るか、--vault で自分の保管庫を指定してください。</translation>
    </message>
    <message>
        <source>A vault already exists in that folder.</source>
        <translation>そのフォルダーにはすでに保管庫があります。</translation>
    </message>
    <message>
        <source>There is already a vault in {folder}; nothing was changed.</source>
        <translation>{folder} にはすでに保管庫があります。何も変更されていません。</translation>
    </message>
    <message>
        <source>This folder already holds a PeerJournal database but no vault.json header, so it cannot be opened; choose another folder. Nothing was changed.</source>
        <translation>このフォルダーには PeerJournal のデータベースがありますが、vault.json ヘッダーがないため開けません。別のフォルダーを選んでください。何も変更されていません。</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this vault.</source>
        <translation>そのパスフレーズではこの保管庫を開けません。</translation>
    </message>
    <message>
        <source>That passphrase does not open this backup; nothing was changed. A backup keeps the passphrase the vault had when the backup was made: if you have changed it since, try the earlier one, or open the backup with the recovery code of that time.</source>
        <translation>そのパスフレーズではこのバックアップを開けません。何も変更されていません。バックアップは作成時の保管庫のパスフレーズを保持します。その後変更した場合は以前のパスフレーズを試すか、当時の復旧コードで開いてください。</translation>
    </message>
    <message>
        <source>That recovery code does not open this backup; nothing was changed. A backup keeps the recovery code the vault had when the backup was made (a code made later does not open it); try that one, or the passphrase of that time.</source>
        <translation>その復旧コードではこのバックアップを開けません。何も変更されていません。バックアップは作成時の保管庫の復旧コードを保持します (後で作ったコードでは開けません)。そのコードか、当時のパスフレーズを試してください。</translation>
    </message>
    <message>
        <source>There is no backup file at {path}; check the name. Nothing was changed.</source>
        <translation>{path} にバックアップファイルがありません。名前を確認してください。何も変更されていません。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a backup file: give the backup file inside it. Nothing was changed.</source>
        <translation>{path} はフォルダーで、バックアップファイルではありません。中のバックアップファイルを指定してください。何も変更されていません。</translation>
    </message>
    <message>
        <source>{path} is empty, so it is not a backup (perhaps copying it did not finish); nothing was changed. Use another copy of the backup.</source>
        <translation>{path} は空なのでバックアップではありません (コピーが終わらなかったのかもしれません)。何も変更されていません。バックアップの別のコピーを使ってください。</translation>
    </message>
    <message>
        <source>{path} is not a PeerJournal backup (it is another kind of file, or a backup cut short); nothing was changed. Give a file that `peerjournal backup create` (or the app&apos;s Back up now) wrote.</source>
        <translation>{path} は PeerJournal のバックアップではありません (別の種類のファイルか、途中で切れたバックアップです)。何も変更されていません。`peerjournal backup create` (またはアプリの「今すぐバックアップ」) が書いたファイルを指定してください。</translation>
    </message>
    <message>
        <source>This vault is open in another PeerJournal window or process.</source>
        <translation>この保管庫は別の PeerJournal のウィンドウかプロセスで開かれています。</translation>
    </message>
    <message>
        <source>The {format} file is not readable CSV from line {line} on (a quote that never closes, or a stray character). Nothing was imported.</source>
        <translation>{format} ファイルは {line} 行目から読み込める CSV ではありません (閉じられていない引用符か、余分な文字があります)。何もインポートされていません。</translation>
    </message>
    <message>
        <source>Line {line} of the {format} file holds more than the {limit:,} characters an entry may have. Nothing was imported.</source>
        <translation>{format} ファイルの {line} 行目には、1 つのエントリーに入れられる {limit:,} 文字を超えるテキストがあります。何もインポートされていません。</translation>
    </message>
    <message>
        <source>The unlocked session did not answer, and its process could not be told to be PeerJournal&apos;s agent, so it was left running: end it yourself (it runs as python -c … agent_main), then try again.</source>
        <translation>ロック解除中のセッションが応答せず、そのプロセスが PeerJournal のエージェントだと確認できなかったため、そのままにしました。自分で終了してから (python -c … agent_main として動いています)、もう一度試してください。</translation>
    </message>
    <message>
        <source>The relay at {url} could not be reached. No invite was made. Check the address and your connection, then try again.</source>
        <translation>{url} のリレーにつながりませんでした。招待は作成されていません。アドレスと接続を確認して、もう一度お試しください。</translation>
    </message>
    <message>
        <source>The invite&apos;s relay could not be reached. Nothing was changed. Check your connection and try again: the invite has not been used.</source>
        <translation>招待のリレーにつながりませんでした。何も変更されていません。接続を確認して、もう一度お試しください。招待はまだ使われていません。</translation>
    </message>
    <message>
        <source>That is not a recovery code: one has 25 letters and digits, shown in five groups of five (ABCDE-FGHIJ-…); nothing was changed.</source>
        <translation>これは復旧コードではありません。復旧コードは 25 文字の英数字で、5 文字ずつ 5 組に分けて表示されます (ABCDE-FGHIJ-…)。何も変更されていません。</translation>
    </message>
    <message>
        <source>That recovery code does not unlock this vault; nothing was changed. Check it against the one you wrote down (case, spaces and dashes do not matter); if a new recovery code was made since, only the newest one works.</source>
        <translation>その復旧コードではこの保管庫のロックを解除できません。何も変更されていません。書き留めたコードと見比べてください (大文字・小文字、空白、ハイフンは区別しません)。その後新しい復旧コードを作った場合は、最新のものだけが使えます。</translation>
    </message>
    <message>
        <source>An unlocked session holds this vault; run `peerjournal lock` first, then try again.</source>
        <translation>ロック解除中のセッションがこの保管庫を使っています。先に `peerjournal lock` を実行してから、もう一度試してください。</translation>
    </message>
    <message>
        <source>The vault is damaged and cannot be opened. Nothing was changed.</source>
        <translation>保管庫が壊れているため開けません。何も変更されていません。</translation>
    </message>
    <message>
        <source>The vault&apos;s database file is missing; nothing was changed.</source>
        <translation>保管庫のデータベースファイルがありません。何も変更されていません。</translation>
    </message>
    <message>
        <source>The vault&apos;s lock file (vault.lock) is not a plain file (a folder, or a link to somewhere else); nothing was changed. Remove it and try again.</source>
        <translation>保管庫のロックファイル (vault.lock) が通常のファイルではありません (フォルダー、または別の場所へのリンク)。何も変更されていません。削除してから、もう一度試してください。</translation>
    </message>
    <message>
        <source>The vault&apos;s database file is empty (cut short or replaced), so it holds none of the journal; nothing was changed. Restore the vault from a backup (peerjournal backup restore).</source>
        <translation>保管庫のデータベースファイルが空です (途中で切れたか、置き換えられました)。日記は何も入っていません。何も変更されていません。バックアップから保管庫を復元してください (peerjournal backup restore)。</translation>
    </message>
    <message>
        <source>The vault header is damaged; nothing was changed.</source>
        <translation>保管庫のヘッダーが壊れています。何も変更されていません。</translation>
    </message>
    <message>
        <source>The vault header is not a PeerJournal header; nothing was changed.</source>
        <translation>保管庫のヘッダーが PeerJournal のヘッダーではありません。何も変更されていません。</translation>
    </message>
    <message>
        <source>The vault header has no valid version; nothing was changed.</source>
        <translation>保管庫のヘッダーに正しいバージョンがありません。何も変更されていません。</translation>
    </message>
    <message>
        <source>The vault header is too large to be genuine; nothing was changed.</source>
        <translation>保管庫のヘッダーが本物にしては大きすぎます。何も変更されていません。</translation>
    </message>
    <message>
        <source>The recovery slot of the vault header is damaged, so no recovery code can open it; nothing was changed. Unlock with your passphrase and make a new recovery code (peerjournal new-recovery-code).</source>
        <translation>保管庫のヘッダーの復旧スロットが壊れているため、どの復旧コードでも開けません。何も変更されていません。パスフレーズでロックを解除し、新しい復旧コードを作ってください (peerjournal new-recovery-code)。</translation>
    </message>
    <message>
        <source>The vault&apos;s database failed its integrity check: {detail}. Nothing was changed; restore it from a backup.</source>
        <translation>保管庫のデータベースが整合性チェックに失敗しました: {detail}。何も変更されていません。バックアップから復元してください。</translation>
    </message>
    <message>
        <source>The vault header was modified since PeerJournal last wrote it, so it is not trusted and nothing was changed. If you did not do this, someone who can write the vault folder did: unlock with your recovery code (peerjournal recover) or restore the vault from a backup.</source>
        <translation>保管庫のヘッダーが、PeerJournal が最後に書き込んだあとで変更されているため、信頼できません。何も変更されていません。心当たりがなければ、保管庫フォルダーに書き込める誰かが変更しています。復旧コードでロックを解除する (peerjournal recover) か、バックアップから保管庫を復元してください。</translation>
    </message>
    <message>
        <source>The vault header was modified: its passphrase slot asks for a weaker key derivation than PeerJournal ever writes. Nothing was changed; unlock with your recovery code (peerjournal recover) or restore the vault from a backup.</source>
        <translation>保管庫のヘッダーが変更されていました: パスフレーズのスロットが、PeerJournal が書き込むことのない弱い鍵導出を求めています。何も変更されていません。復旧コードでロックを解除する (peerjournal recover) か、バックアップから保管庫を復元してください。</translation>
    </message>
    <message>
        <source>The vault header was modified: its recovery slot asks for a weaker key derivation than PeerJournal ever writes. Nothing was changed; unlock with your passphrase and make a new recovery code (peerjournal new-recovery-code).</source>
        <translation>保管庫のヘッダーが変更されていました: 復旧用のスロットが、PeerJournal が書き込むことのない弱い鍵導出を求めています。何も変更されていません。パスフレーズでロックを解除し、新しい復旧コードを作ってください (peerjournal new-recovery-code)。</translation>
    </message>
    <message>
        <source>The vault in {folder} is read-only (a read-only folder or disk), so nothing was changed. Reading commands (list, show, search, export) still work.</source>
        <translation>{folder} の保管庫は読み取り専用です(読み取り専用のフォルダーかディスク)。何も変更されていません。読み取りのコマンド (list、show、search、export) は使えます。</translation>
    </message>
    <message>
        <source>This vault was made by a newer version of PeerJournal. Please update PeerJournal to open it; nothing was changed.</source>
        <translation>この保管庫は新しいバージョンの PeerJournal で作られています。開くには PeerJournal を更新してください。何も変更されていません。</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>保管庫はロックされています。</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was saved. Free some space and try again.</source>
        <translation>ディスクがいっぱいのため、何も保存されていません。空き容量を作ってから、もう一度試してください。</translation>
    </message>
    <message>
        <source>The backup could not be made; nothing was changed.</source>
        <translation>バックアップを作れませんでした。何も変更されていません。</translation>
    </message>
    <message>
        <source>{path} is not a plain file (a pipe or a device): a backup is checked where it lies, so save it to a file first; nothing was changed.</source>
        <translation>{path} は通常のファイルではありません (パイプまたはデバイス)。バックアップはその場で確認されるため、まずファイルに保存してください。何も変更されていません。</translation>
    </message>
    <message>
        <source>The backup file is damaged, so it cannot be used; nothing was changed.</source>
        <translation>バックアップファイルが壊れているため使えません。何も変更されていません。</translation>
    </message>
    <message>
        <source>The backup file is cut short, so it cannot be used; nothing was changed.</source>
        <translation>バックアップファイルが途中で切れているため使えません。何も変更されていません。</translation>
    </message>
    <message>
        <source>The backup file was changed after it was made, so it is not trusted; nothing was changed.</source>
        <translation>バックアップファイルは作成後に変更されているため、信頼できません。何も変更されていません。</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of PeerJournal; nothing was changed.</source>
        <translation>このバックアップは新しいバージョンの PeerJournal で作られています。何も変更されていません。</translation>
    </message>
    <message>
        <source>The database in the backup failed its integrity check ({detail}); nothing was changed.</source>
        <translation>バックアップ内のデータベースが整合性チェックに失敗しました ({detail})。何も変更されていません。</translation>
    </message>
    <message>
        <source>{path} is a folder, a device or a pipe; a backup is written to a new file of its own, so give a new file name (inside a folder: FOLDER/journal.pjbackup). Nothing was changed.</source>
        <translation>{path} はフォルダー、デバイス、またはパイプです。バックアップは専用の新しいファイルに書き込まれるので、新しいファイル名を指定してください (フォルダーの中なら FOLDER/journal.pjbackup)。何も変更されていません。</translation>
    </message>
    <message>
        <source>{path} already exists; a backup never overwrites a file, so choose a new name.</source>
        <translation>{path} はすでに存在します。バックアップはファイルを上書きしないので、新しい名前を選んでください。</translation>
    </message>
    <message>
        <source>The backup could not be written to {path} ({reason}); nothing was changed.</source>
        <translation>バックアップを {path} に書き込めませんでした ({reason})。何も変更されていません。</translation>
    </message>
    <message>
        <source>{folder} is not empty. A backup is restored only into a new or empty folder, never over a vault; nothing was changed.</source>
        <translation>{folder} は空ではありません。バックアップは新しいフォルダーか空のフォルダーにだけ復元され、保管庫を上書きすることはありません。何も変更されていません。</translation>
    </message>
    <message>
        <source>Keep between 1 and {limit} automatic backups.</source>
        <translation>自動バックアップは1個から{limit}個の間で残してください。</translation>
    </message>
</context>
</TS>
