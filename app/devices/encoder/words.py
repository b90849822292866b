"""What the encoder's results say to a person, in en / pt-BR / zh-CN (``app.i18n``
phrases): why a card read is not a valid card, why the encoder went away. The English text is
also what ``--json`` and the log carry."""

from __future__ import annotations

from app.i18n import Phrases, Said, Worded

PHRASES: Phrases = {
    "short_read": {
        "en": "not all layout blocks could be read",
        "pt-BR": "não foi possível ler todos os blocos do cartão",
        "zh-CN": "未能读取卡上的全部数据块",
    },
    "blank": {
        "en": "blank card: no issuance on it",
        "pt-BR": "cartão em branco: não tem estadia gravada",
        "zh-CN": "空白卡：卡上没有入住信息",
    },
    "foreign": {
        "en": "not a {layout} card (another system's data?)",
        "pt-BR": "não é um cartão {layout} (dados de outro sistema?)",
        "zh-CN": "不是 {layout} 格式的卡（可能是其他系统的卡？）",
    },
    "other_version": {
        "en": "written by another version of this layout",
        "pt-BR": "gravado por outra versão deste formato de cartão",
        "zh-CN": "由另一版本的卡格式写入",
    },
    "not_committed": {
        "en": "issue not finished: the card opens no door; issue it again (an issue was "
              "stopped before its last block)",
        "pt-BR": "emissão não concluída: o cartão não abre nenhuma porta; emita-o de novo "
                 "(uma emissão foi interrompida antes do último bloco)",
        "zh-CN": "制卡未完成：此卡打不开任何门，请重新制卡（上次制卡在最后一个数据块之前被中断）",
    },
    "no_site_key": {
        "en": "no site key configured: cannot verify the signature",
        "pt-BR": "nenhuma chave do local configurada: não dá para conferir a assinatura",
        "zh-CN": "未配置现场密钥：无法校验签名",
    },
    "forged": {
        "en": "not valid: its data and its signature do not match (the card was altered, "
              "copied from another card, or its last write was cut off); it opens no door; "
              "issue it again",
        "pt-BR": "inválido: os dados e a assinatura não conferem (o cartão foi alterado, "
                 "copiado de outro cartão ou a última gravação foi cortada); não abre nenhuma "
                 "porta; emita-o de novo",
        "zh-CN": "无效：卡上数据与签名不符（卡被改动、从其他卡复制，或上次写卡被中断）；"
                 "此卡打不开任何门，请重新制卡",
    },
    "undecodable": {
        "en": "signed but undecodable: {error}",
        "pt-BR": "assinado, mas ilegível: {error}",
        "zh-CN": "签名有效但无法解析：{error}",
    },
    "link_lost": {
        "en": "encoder connection lost",
        "pt-BR": "a conexão com o codificador caiu",
        "zh-CN": "与发卡器的连接已断开",
    },
    "unplugged": {
        "en": "encoder unplugged",
        "pt-BR": "codificador desconectado do USB",
        "zh-CN": "发卡器已拔出",
    },
    "verified": {
        "en": "signature verified",
        "pt-BR": "assinatura conferida",
        "zh-CN": "签名已校验",
    },
}

# What a card holds after a card job stopped (KeyDeskError.state, a cancel's message).
STATES: Phrases = {
    "issued": {
        "en": "issued: every block written, read back and decoded to the stay asked for",
        "pt-BR": "emitido: todos os blocos gravados, lidos de volta e conferidos com a "
                 "estadia pedida",
        "zh-CN": "制卡完成：所有数据块已写入、读回并核对为所要求的入住",
    },
    "wiped": {
        "en": "blank: transport keys, no issuance",
        "pt-BR": "em branco: chaves de fábrica, sem estadia gravada",
        "zh-CN": "空白卡：出厂密钥，没有入住信息",
    },
    "untouched": {
        "en": "card unchanged: nothing was written",
        "pt-BR": "cartão sem alteração: nada foi gravado",
        "zh-CN": "卡未改动：没有写入任何内容",
    },
    "untouched_reissue": {
        "en": "card unchanged: nothing was written; it can be issued again",
        "pt-BR": "cartão sem alteração: nada foi gravado; pode ser emitido de novo",
        "zh-CN": "卡未改动：没有写入任何内容；可以重新制卡",
    },
    "untouched_wipe": {
        "en": "card unchanged: nothing was written (it still holds what it held)",
        "pt-BR": "cartão sem alteração: nada foi gravado (continua com o que tinha)",
        "zh-CN": "卡未改动：没有写入任何内容（卡上内容和原来一样）",
    },
    "clearing_stopped": {
        "en": "not issued: the card's earlier stay was being cleared when this stopped, so "
              "it may still hold that stay; read it before handing it out, and issue it again",
        "pt-BR": "não emitido: a estadia anterior do cartão estava sendo apagada quando isto "
                 "parou, então ele ainda pode ter essa estadia; leia-o antes de entregá-lo e "
                 "emita-o de novo",
        "zh-CN": "未制卡：停止时正在清除卡上原来的入住信息，卡上可能仍有原来的入住；"
                 "交给客人前请先读卡，并重新制卡",
    },
    "first_write_interrupted": {
        "en": "not issued: the first block write was interrupted; the new stay is not on the "
              "card and any earlier issuance on it must be treated as void; the card can be "
              "issued again",
        "pt-BR": "não emitido: a gravação do primeiro bloco foi interrompida; a nova estadia "
                 "não está no cartão e qualquer emissão anterior nele deve ser considerada "
                 "nula; o cartão pode ser emitido de novo",
        "zh-CN": "未制卡：第一个数据块写入被中断；新的入住信息不在卡上，卡上原有的内容应视为作废；"
                 "可以重新制卡",
    },
    "partial": {
        "en": "not issued: {written} of {blocks} blocks written and verified, commit block not "
              "written; the card opens no door (it reads as \"issue not finished\") and can be "
              "issued again",
        "pt-BR": "não emitido: {written} de {blocks} blocos gravados e conferidos, bloco final "
                 "não gravado; o cartão não abre nenhuma porta (é lido como \"emissão não "
                 "concluída\") e pode ser emitido de novo",
        "zh-CN": "未制卡：{blocks} 个数据块中已写入并校验 {written} 个，确认块未写入；"
                 "此卡打不开任何门（读卡显示“制卡未完成”），可以重新制卡",
    },
    "partial_cleared": {
        "en": "not issued: its earlier stay was cleared, {written} of {blocks} blocks written "
              "and verified, commit block not written; the card opens no door (it reads as "
              "\"issue not finished\") and can be issued again",
        "pt-BR": "não emitido: a estadia anterior foi apagada, {written} de {blocks} blocos "
                 "gravados e conferidos, bloco final não gravado; o cartão não abre nenhuma "
                 "porta (é lido como \"emissão não concluída\") e pode ser emitido de novo",
        "zh-CN": "未制卡：卡上原来的入住信息已清除，{blocks} 个数据块中已写入并校验 {written} 个，"
                 "确认块未写入；此卡打不开任何门（读卡显示“制卡未完成”），可以重新制卡",
    },
    "commit_unverified": {
        "en": "not verified: the card confirmed the commit block, but its read-back was lost, "
              "so the card may be valid; read it before handing it out, and issue it again if "
              "it reads invalid",
        "pt-BR": "não conferido: o cartão confirmou o bloco final, mas a leitura de "
                 "conferência se perdeu, então o cartão pode estar válido; leia-o antes de "
                 "entregá-lo e emita-o de novo se estiver inválido",
        "zh-CN": "未校验：卡已确认写入确认块，但回读丢失，此卡可能有效；交给客人前请先读卡，"
                 "读卡无效时重新制卡",
    },
    "commit_sent": {
        "en": "not confirmed: the commit block was being written when the card or the link "
              "was lost; it may be whole (the card is then valid) or half-written (it then "
              "opens no door); read it before handing it out, and issue it again if it reads "
              "invalid",
        "pt-BR": "não confirmado: o bloco final estava sendo gravado quando o cartão ou a "
                 "conexão se perdeu; ele pode estar inteiro (o cartão então é válido) ou pela "
                 "metade (então não abre nenhuma porta); leia-o antes de entregá-lo e emita-o "
                 "de novo se estiver inválido",
        "zh-CN": "未确认：写入确认块时卡或连接丢失；确认块可能完整（卡有效），也可能只写了一半"
                 "（卡打不开任何门）；交给客人前请先读卡，读卡无效时重新制卡",
    },
    "commit_missing": {
        "en": "not issued: every block but the commit block was written; the commit block was "
              "not written, so the card opens no door; it can be issued again",
        "pt-BR": "não emitido: todos os blocos foram gravados menos o bloco final; como ele não "
                 "foi gravado, o cartão não abre nenhuma porta; pode ser emitido de novo",
        "zh-CN": "未制卡：除确认块外的数据块都已写入；确认块未写入，此卡打不开任何门；可以重新制卡",
    },
    "not_wiped": {
        "en": "not wiped: the commit block may be unchanged; the card may still open doors",
        "pt-BR": "não apagado: o bloco final pode estar inalterado; o cartão ainda pode abrir "
                 "portas",
        "zh-CN": "未清卡：确认块可能没有改动；此卡可能仍能开门",
    },
    "partly_wiped": {
        "en": "partly wiped ({done} of {total} blocks): the commit block is cleared, so the "
              "card no longer opens any door; wipe it again to make it blank",
        "pt-BR": "apagado em parte ({done} de {total} blocos): o bloco final foi apagado, então "
                 "o cartão já não abre nenhuma porta; apague-o de novo para deixá-lo em branco",
        "zh-CN": "部分清卡（{total} 个数据块中已清 {done} 个）：确认块已清除，此卡已打不开任何门；"
                 "请再清一次卡使其成为空白卡",
    },
    "issue_cancelled": {
        "en": "issue cancelled; {state}",
        "pt-BR": "emissão cancelada; {state}",
        "zh-CN": "已取消制卡；{state}",
    },
    "duplicate_cancelled": {
        "en": "duplicate cancelled; {state}",
        "pt-BR": "cópia cancelada; {state}",
        "zh-CN": "已取消复制卡；{state}",
    },
    "wipe_cancelled": {
        "en": "wipe cancelled; {state}",
        "pt-BR": "apagamento cancelado; {state}",
        "zh-CN": "已取消清卡；{state}",
    },
}


def state(key: str, **values: object) -> Worded:
    """A card state: English wherever it travels, worded in the reader's language where
    it is shown."""
    return Worded(Said(STATES, key, **values))
