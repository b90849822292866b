"""What the encoder's results say to a person, in en / pt-BR / zh-CN (``app.i18n``
phrases): why a card read is not a valid card, why the encoder went away. The English text is
also what ``--json`` and the log carry."""

from __future__ import annotations

from app.i18n import Phrases

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
        "en": "not issued: the commit block is empty (interrupted write?)",
        "pt-BR": "não emitido: o bloco final está vazio (gravação interrompida?)",
        "zh-CN": "未制卡：确认块为空（写卡被中断？）",
    },
    "no_site_key": {
        "en": "no site key configured: cannot verify the signature",
        "pt-BR": "nenhuma chave do local configurada: não dá para conferir a assinatura",
        "zh-CN": "未配置现场密钥：无法校验签名",
    },
    "forged": {
        "en": "signature does not match: card altered, copied or forged",
        "pt-BR": "a assinatura não confere: cartão alterado, copiado ou falsificado",
        "zh-CN": "签名不符：卡被改动、复制或伪造",
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
