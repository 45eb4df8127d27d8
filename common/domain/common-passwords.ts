/**
 * Passwords people choose most often, lower-cased; the password policy refuses them (and them with digits or
 * symbols appended). Short on purpose: the length and character-class rules already refuse most of every leaked
 * list, so this list only needs the favourites that attackers try first.
 *
 * Sources (public lists, taken in the order of their ranks):
 * - the first entries of "Chinese-common-password-list-top-1000" (NihaoKangkang/Chinese-Common-Password-List,
 *   republished in danielmiessler/SecLists, Passwords/Common-Credentials/Language-Specific/);
 * - the first entries of NordPass's "200 most common passwords" 2024 (SecLists,
 *   Passwords/Common-Credentials/2024-200_most_used_passwords.txt);
 * - at the end, our own additions: capitalised and leet forms of the same favourites that pass the length and
 *   character-class rules (Aa123456789, P@ssw0rd123, ...), and default administrator passwords seen on Chinese
 *   equipment and systems.
 * docs/security.md (Sign-in, sessions and passwords) describes how the list is used.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  // Chinese favourites
  '123456', '123456789', '111111', '123123', '000000', '5201314', '12345678', 'a123456', '7758521', '123321',
  '11111111', '1314520', '666666', '1234567', '123456a', '888888', '123123123', '1234567890', 'woaini', '654321',
  '5211314', '112233', '88888888', 'woaini1314', '00000000', 'password', 'qq123456', '147258369', '7758258',
  '520520', '123654', 'aaaaaa', '100200', '121212', 'a123456789', '110110', '147258', '1111111', '123456abc',
  'zxcvbnm', '987654321', 'asdasd', 'iloveyou', '31415926', '123qwe', '1314521', 'abc123', '222222', 'qazwsx',
  '159357', '999999', '123456789a', 'asd123', 'qwerty', '456852', 'qwe123', '201314', '159753', '521521',
  'qqqqqq', '1qaz2wsx', 'aa123456', '1q2w3e4r', 'q123456', '555555', '789456123', 'woaini123', '789456',
  '584520', '333333', 'abc123456', '110120', 'woaini520', '123000', '778899', 'a123123', '753951', '25257758',
  '123698745', '1111111111', 'woaiwojia', '123456aa', 'asd123456', '11223344', '456123', '101010', '7758520',
  '5845211314', '147852', 'woaini521', '111222', 'z123456', 'qweqwe', 'qwertyuiop', '123456qq', '456789',
  'abcd1234', 'beijing2008', 'asdfgh', 'asdfghjkl', 'qwe1234', 'qazwsxedc', 'qweasdzxc', 'zxcvbnm123',
  'woainima', 'qwe123456', 'aini1314', '1q2w3e', '0123456789', 'xiaoxiao', '0000000000', 'woshishui',
  '12341234', 'asdasdasd', 'buzhidao', '1234qwer', 'hao123456', '1q2w3e4r5t', 'qwer1234', 'q1w2e3r4',
  'nihao123', 'wodemima', 'woaiwoziji', 'zhimakaimen', 'shanghai',
  // international favourites
  'qwerty123', 'qwerty1', 'secret', 'password1', 'dragon', 'monkey', '1qaz2wsx3edc', 'football', 'princess',
  'sunshine', 'superman', 'computer', 'baseball', 'michael', 'p@ssw0rd', 'admin', 'welcome', 'letmein',
  'trustno1', 'password123', 'passw0rd', 'changeme', 'hello123', 'iloveyou1', 'starwars', 'master',
  // our additions: favourites that satisfy length and character classes
  'aa123456789', 'p@ssw0rd123', 'passw0rd123', 'password@123', 'password123!', 'qwerty123!', 'qwerty1234',
  'abc@123456', 'abcd@123456', 'admin@123456', 'admin123456', 'root@123456', 'huawei@123', 'huawei12#$',
  'woaini@1314', 'a1234567890', 'qwer@1234', '1qaz@wsx', '1qaz2wsx#edc', 'zaq1@wsx',
];
