"""What a person is told about a damaged settings file, in en / pt-BR / zh-CN.

Placeholders: ``{field}`` (the key as written in settings.json), ``{detail}`` (the value
found, or the parser's position), ``{path}``, ``{backup}``, ``{low}``/``{high}``.
"""

from __future__ import annotations

from app.i18n import DEFAULT_LANGUAGE, by_key, phrase, resolve_language

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "headline": "The settings file {path} has problems:",
        "not_json": "the file is not valid JSON (line {line}, column {column}); every "
        "setting is at its default",
        "not_object": "the file holds {found}, not a settings object; every setting is at "
        "its default",
        "unreadable": "the file cannot be read ({detail}); every setting is at its default",
        "too_large": "the file is far too large for a settings file ({detail} bytes); every "
        "setting is at its default",
        "bad_version": "{field} is {detail}, not a version number; the rest was read as the "
        "current version",
        "newer_version": "{field} is {detail}: a newer KeyDesk wrote this file; what this "
        "version understands is used",
        "wrong_type": "{field} is {found} ({detail}), but must be {expected}; its default "
        "is used",
        "out_of_range": "{field} is {detail}, outside {low}–{high}; its default is used",
        "reader_wrong": "{field} is {found} ({detail}), but must be {expected}; this reader "
        "is left out until it is fixed",
        "unknown_key": "{field} is not a KeyDesk setting (a typo?); it is ignored",
        "kept": "The file is kept exactly as it is and nothing is written to it until you "
        "press Save on the Settings page; old events are not deleted meanwhile.",
        "backup": "A copy of the damaged file is at {backup}.",
        "no_backup": "No copy could be made beside it ({detail}).",
        "fix": "Fix the named fields on the Settings page and press Save, or correct the "
        "file and restart KeyDesk.",
        "saved": "Settings saved: {path} now holds what the Settings page shows. The damaged "
        "original stays at {backup}.",
    },
    "pt-BR": {
        "headline": "O arquivo de configurações {path} tem problemas:",
        "not_json": "o arquivo não é um JSON válido (linha {line}, coluna {column}); todas "
        "as configurações estão no padrão",
        "not_object": "o arquivo contém {found}, não um objeto de configurações; todas as "
        "configurações estão no padrão",
        "unreadable": "não foi possível ler o arquivo ({detail}); todas as configurações "
        "estão no padrão",
        "too_large": "o arquivo é grande demais para um arquivo de configurações ({detail} "
        "bytes); todas as configurações estão no padrão",
        "bad_version": "{field} é {detail}, não um número de versão; o resto foi lido como "
        "a versão atual",
        "newer_version": "{field} é {detail}: um KeyDesk mais novo gravou este arquivo; "
        "usa-se o que esta versão entende",
        "wrong_type": "{field} é {found} ({detail}), mas deve ser {expected}; usa-se o valor "
        "padrão",
        "out_of_range": "{field} é {detail}, fora de {low}–{high}; usa-se o valor padrão",
        "reader_wrong": "{field} é {found} ({detail}), mas deve ser {expected}; este leitor "
        "fica de fora até ser corrigido",
        "unknown_key": "{field} não é uma configuração do KeyDesk (erro de digitação?); "
        "foi ignorado",
        "kept": "O arquivo é mantido exatamente como está e nada é gravado nele até você "
        "clicar em Salvar na página Configurações; enquanto isso, eventos antigos não são "
        "apagados.",
        "backup": "Uma cópia do arquivo danificado está em {backup}.",
        "no_backup": "Não foi possível fazer uma cópia ao lado dele ({detail}).",
        "fix": "Corrija os campos indicados na página Configurações e clique em Salvar, ou "
        "corrija o arquivo e reinicie o KeyDesk.",
        "saved": "Configurações salvas: {path} agora contém o que a página Configurações "
        "mostra. O original danificado continua em {backup}.",
    },
    "zh-CN": {
        "headline": "设置文件 {path} 有问题：",
        "not_json": "文件不是有效的 JSON（第 {line} 行，第 {column} 列）；所有设置均为默认值",
        "not_object": "文件内容是{found}，不是设置对象；所有设置均为默认值",
        "unreadable": "无法读取文件（{detail}）；所有设置均为默认值",
        "too_large": "文件太大，不可能是设置文件（{detail} 字节）；所有设置均为默认值",
        "bad_version": "{field} 是 {detail}，不是版本号；其余内容按当前版本读取",
        "newer_version": "{field} 是 {detail}：此文件由更新版本的 KeyDesk 写入；"
        "只使用本版本能理解的部分",
        "wrong_type": "{field} 是{found}（{detail}），但必须是{expected}；使用默认值",
        "out_of_range": "{field} 是 {detail}，超出 {low}–{high}；使用默认值",
        "reader_wrong": "{field} 是{found}（{detail}），但必须是{expected}；此读卡器在修正前不使用",
        "unknown_key": "{field} 不是 KeyDesk 的设置项（拼写错误？）；已忽略",
        "kept": "文件保持原样，在您于“设置”页面点击“保存”之前不会写入任何内容；"
        "在此期间不会删除旧事件。",
        "backup": "损坏文件的副本在 {backup}。",
        "no_backup": "无法在旁边保存副本（{detail}）。",
        "fix": "请在“设置”页面改正所列字段并点击“保存”，或者修正文件后重新启动 KeyDesk。",
        "saved": "设置已保存：{path} 现在保存的是“设置”页面显示的内容。损坏的原文件仍在 {backup}。",
    },
}


# The kinds of JSON value, as named in the messages above ({found}, {expected}).
TYPE_WORDS: dict[str, dict[str, str]] = {
    "en": {"null": "null", "bool": "true/false", "int": "a whole number",
           "float": "a decimal number", "str": "text", "list": "a list", "dict": "an object",
           "reader": "an object with name, url and user"},
    "pt-BR": {"null": "null", "bool": "true/false", "int": "um número inteiro",
              "float": "um número decimal", "str": "texto", "list": "uma lista",
              "dict": "um objeto", "reader": "um objeto com name, url e user"},
    "zh-CN": {"null": "null", "bool": "true/false", "int": "整数", "float": "小数",
              "str": "文本", "list": "列表", "dict": "对象",
              "reader": "含 name、url 和 user 的对象"},
}


def type_word(kind: str, lang: str | None = None) -> str:
    words = TYPE_WORDS.get(resolve_language(lang), TYPE_WORDS[DEFAULT_LANGUAGE])
    return words.get(kind, kind)


PHRASES = by_key(TEXTS)  # worded through app.i18n, like every text of app/


def text(key: str, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in ``lang`` (a setting such as "system" is resolved)."""
    return phrase(PHRASES, key, lang, **values)
